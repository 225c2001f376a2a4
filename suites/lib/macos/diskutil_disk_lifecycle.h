// DiskLifecycle through diskutil (macOS): partitionDisk writes and formats the GPT in one go,
// eraseVolume formats, mount/unmount/unmountDisk mount, `list -plist` reports the partitions. Built on
// every platform and tested on Linux by replaying outputs recorded on Macs;
// platform/macos/lifecycle_macos_disk.cpp makes it the platform's make_disk_lifecycle(). Failures carry
// diskutil's code (-69825 …) and meaning. Compiled into the lifecycle library (it implements
// lifecycle/lifecycle_disk.h), not dextqual_macos.
#pragma once

#include <memory>

#include "lifecycle/lifecycle_disk.h"

namespace dextqual::macos {

// diskutil's name for a filesystem personality ("JHFS+", "APFS", "ExFAT", "MS-DOS FAT32"); empty when
// macOS has none (ext4).
[[nodiscard]] std::string diskutil_personality(platform::Filesystem fs);

[[nodiscard]] std::unique_ptr<platform::DiskLifecycle> make_diskutil_disk_lifecycle(
    platform::CommandRunner runner);

}  // namespace dextqual::macos
