// The GPT the partition suite writes on the DUT: several partitions, one per filesystem the suite
// exercises plus a trailing one, sized from the DUT's capacity (capped, so a 66 TB volume does not
// make mkfs the bottleneck) and aligned by sgdisk/diskutil themselves.
#pragma once

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "lifecycle/lifecycle_disk.h"

namespace dextqual::lifecycle {

inline constexpr std::uint64_t kMiB = 1024 * 1024;

// Index in the layout of the partition that carries each filesystem under test.
enum class LayoutSlot : std::size_t { ext4 = 0, vfat = 1, exfat = 2, spare = 3 };

// "Ext4", "Vfat", ...: the suffix of parameterized test names.
[[nodiscard]] inline std::string slot_test_name(LayoutSlot slot) {
  static constexpr const char* kNames[] = {"Ext4", "Vfat", "Exfat", "Spare"};
  return kNames[static_cast<std::size_t>(slot)];
}

// GoogleTest prints parameters with this (instead of "8-byte object <00-00 …>").
inline void PrintTo(LayoutSlot slot, std::ostream* out) {
  static constexpr const char* kNames[] = {"ext4", "vfat", "exfat", "spare"};
  *out << kNames[static_cast<std::size_t>(slot)];
}

[[nodiscard]] inline std::vector<platform::PartitionSpec> standard_layout(std::uint64_t capacity_bytes) {
  // A quarter each, at least 40 MiB (FAT32 and ext4 journals fit), at most 256 MiB.
  const std::uint64_t each = std::clamp(capacity_bytes / 5 / kMiB * kMiB, 40 * kMiB, 256 * kMiB);
  return {{"dq-ext4", platform::Filesystem::ext4, each},
          {"dq-vfat", platform::Filesystem::vfat, each},
          {"dq-exfat", platform::Filesystem::exfat, each},
          {"dq-spare", platform::Filesystem::ext4, each}};
}

// Below this the layout does not fit (4 × 40 MiB plus the GPT).
inline constexpr std::uint64_t kLayoutMinimumBytes = 4 * 40 * kMiB + 4 * kMiB;

}  // namespace dextqual::lifecycle
