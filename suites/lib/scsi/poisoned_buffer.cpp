#include "scsi/poisoned_buffer.h"

namespace dextqual::scsi {

PoisonedBuffer::PoisonedBuffer(uint32_t length) : length_(length), storage_(size_t{length} + kGuardBytes) {
  for (uint32_t i = 0; i < storage_.size(); ++i) {
    storage_[i] = poison_at(i);
  }
}

// Always 80h-BFh: never zero and never printable ASCII, the bytes a device most often sends, and
// varying with the offset so that a buffer shifted by a few bytes does not look untouched.
uint8_t PoisonedBuffer::poison_at(uint32_t offset) {
  return static_cast<uint8_t>(0xA5 ^ ((offset * 7) & 0x3F));
}

DataInReport PoisonedBuffer::report() const {
  DataInReport report;
  report.requested = length_;
  report.all_zero = true;
  for (uint32_t i = 0; i < length_; ++i) {
    if (storage_[i] != 0) {
      report.all_zero = false;
    }
    if (storage_[i] != poison_at(i)) {
      ++report.changed;
      if (!report.first_changed) {
        report.first_changed = i;
      }
      report.end_changed = i + 1;
    }
  }
  for (uint32_t i = length_; i < storage_.size(); ++i) {
    if (storage_[i] != poison_at(i)) {
      ++report.guard_changed;
    }
  }
  return report;
}

std::vector<uint8_t> PoisonedBuffer::contents() const {
  return {storage_.begin(), storage_.begin() + length_};
}

}  // namespace dextqual::scsi
