// What the operating system believes about the block device behind the DUT: its size and whether
// it runs the disk with a write-back cache (Linux: sysfs queue/write_cache, set from the Caching
// mode page). The suite compares these with what the device answers (READ CAPACITY, MODE SENSE).
// Linux reads sysfs; elsewhere nothing is known yet (macOS: IORegistry, later).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dextqual::scsi {

struct OsDiskView {
  std::optional<uint64_t> size_bytes;
  std::optional<uint32_t> logical_block_size;
  std::optional<bool> write_cache;  // true: the OS sends cache flushes / FUA (write back)
};

// `node`: the DUT's block node (/dev/sda) or sg node (/dev/sg0, mapped to its disk through sysfs).
[[nodiscard]] OsDiskView os_disk_view(const std::string& node);

}  // namespace dextqual::scsi
