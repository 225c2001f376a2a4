// One partitioning cycle as a user (or diskutil) does it: write the GPT, let the kernel re-read it,
// format a partition, mount it. The partition, persistence and hot-plug suites all start from here.
#pragma once

#include <memory>

#include "lifecycle/lifecycle_disk.h"
#include "lifecycle/partition_layout.h"

namespace dextqual::lifecycle {

struct PreparedVolume {
  platform::Partition partition;
  platform::MountedVolume volume;
};

// Partitions `disk` with standard_layout(capacity), formats the partition of `slot` with its
// filesystem and mounts it.
[[nodiscard]] inline Result<PreparedVolume> prepare_volume(platform::DiskLifecycle& lifecycle,
                                                           const std::string& disk, std::uint64_t capacity,
                                                           LayoutSlot slot) {
  const auto layout = standard_layout(capacity);
  const auto index = static_cast<std::size_t>(slot);
  DQ_TRY(lifecycle.partition_gpt(disk, layout));
  DQ_TRY_ASSIGN(auto partitions, lifecycle.reread_partitions(disk, layout.size()));
  DQ_TRY(lifecycle.format(partitions[index], layout[index].filesystem, layout[index].name));
  DQ_TRY_ASSIGN(auto volume, lifecycle.mount(partitions[index], layout[index].filesystem));
  return PreparedVolume{partitions[index], std::move(volume)};
}

}  // namespace dextqual::lifecycle
