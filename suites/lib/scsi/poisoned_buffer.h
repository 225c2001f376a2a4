// A data-in buffer filled with a position-dependent non-zero pattern and followed by guard bytes,
// so that after a command the initiator can say exactly which bytes the device path wrote. A
// zero-filled buffer (libiscsi's choice) cannot tell "the device sent zeros" from "nothing arrived":
// F5 was a GOOD INQUIRY whose DMA never reached the host (SCSI-CHECKLIST.md (c)1).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "scsi/completion.h"

namespace dextqual::scsi {

class PoisonedBuffer {
 public:
  static constexpr uint32_t kGuardBytes = 64;

  explicit PoisonedBuffer(uint32_t length);

  // The span a transport may write: exactly `length` bytes; the guard follows it in memory.
  [[nodiscard]] std::span<uint8_t> writable() { return {storage_.data(), length_}; }
  [[nodiscard]] static uint8_t poison_at(uint32_t offset);

  // Compares against the poison: which bytes changed, whether any guard byte did, all zero or not.
  [[nodiscard]] DataInReport report() const;
  [[nodiscard]] std::vector<uint8_t> contents() const;

 private:
  uint32_t length_;
  std::vector<uint8_t> storage_;
};

}  // namespace dextqual::scsi
