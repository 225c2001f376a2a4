// DiskLifecycle through diskutil (macOS): partitionDisk writes and formats the GPT in one go,
// eraseVolume formats, mount/unmount/unmountDisk mount, `list -plist` reports the partitions. Built on
// every platform and tested on Linux by replaying outputs recorded on Macs; macos/lifecycle_macos_disk.cpp
// makes it the platform's make_disk_lifecycle(). Failures carry diskutil's code (-69825 …) and meaning.
#pragma once

#include <memory>

#include "lifecycle_disk.h"

namespace dextqual::platform {

// diskutil's name for a filesystem personality ("JHFS+", "APFS", "ExFAT", "MS-DOS FAT32"); empty when
// macOS has none (ext4).
[[nodiscard]] std::string diskutil_personality(Filesystem fs);

[[nodiscard]] std::unique_ptr<DiskLifecycle> make_diskutil_disk_lifecycle(CommandRunner runner);

}  // namespace dextqual::platform
