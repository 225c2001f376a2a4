#include "lifecycle/journaled_writer.h"

#include <algorithm>
#include <bit>

namespace dextqual::lifecycle {

Status JournaledWriter::write(integrity::LbaRange range, std::uint64_t generation, WriteMode mode,
                              std::uint64_t chunk_sectors) {
  AlignedBuffer buffer(chunk_sectors * integrity::kSectorSize);
  for (std::uint64_t lba = range.first; lba < range.end(); lba += chunk_sectors) {
    const std::uint64_t count = std::min(chunk_sectors, range.end() - lba);
    const std::uint64_t write_id = next_write_id_++;
    integrity::StampFields fields;
    fields.lba = lba;
    fields.generation = generation;
    fields.write_id = write_id;
    fields.seq = write_id;
    fields.block_shift = static_cast<std::uint8_t>(std::countr_zero(sectors_per_block_));
    auto bytes = buffer.bytes().first(count * integrity::kSectorSize);
    integrity::stamp_sectors(keys_, fields, bytes);
    DQ_TRY(journal_.write_submitted(write_id, {lba, count}, generation, mode == WriteMode::fua));
    auto written = device_.write(lba * integrity::kSectorSize, bytes, mode);
    DQ_TRY(journal_.write_completed(write_id, written.has_value()));
    DQ_TRY(written);
  }
  return {};
}

Status JournaledWriter::flush() {
  const std::uint64_t flush_id = next_flush_id_++;
  DQ_TRY(journal_.flush_submitted(flush_id));
  auto flushed = device_.flush();
  DQ_TRY(journal_.flush_completed(flush_id, flushed.has_value()));
  return flushed;
}

Status zero_fill(RawBlockDevice& device, integrity::LbaRange range) {
  AlignedBuffer zeros(std::size_t{1} << 20);
  const std::uint64_t per_write = zeros.size() / integrity::kSectorSize;
  for (std::uint64_t lba = range.first; lba < range.end(); lba += per_write) {
    const std::uint64_t sectors = std::min(per_write, range.end() - lba);
    DQ_TRY(device.write(lba * integrity::kSectorSize, zeros.bytes().first(sectors * integrity::kSectorSize)));
  }
  return device.flush();
}

}  // namespace dextqual::lifecycle
