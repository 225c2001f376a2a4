// Linux: the one place that reads block devices and their identities from sysfs (`<sys>/class/block`:
// SCSI VPD pages through sysfs, virtio/NVMe serials, loop backing files and simdext's description
// beside its FUSE file) and what is in use from `<proc>/self/mountinfo` and `<proc>/swaps`. The roots
// are parameters so that tests feed fake trees; block_devices.h's functions use /sys and /proc.
#pragma once

#include <filesystem>
#include <vector>

#include "device/block_devices.h"

namespace dextqual::device::linux_sysfs {

[[nodiscard]] Result<std::vector<BlockDevice>> list_block_devices(const std::filesystem::path& sys);
[[nodiscard]] Result<std::vector<Mount>> list_mounts(const std::filesystem::path& sys,
                                                     const std::filesystem::path& proc);

}  // namespace dextqual::device::linux_sysfs
