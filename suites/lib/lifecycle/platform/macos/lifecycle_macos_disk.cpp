// macOS: the disk lifecycle is diskutil's (diskutil_disk_lifecycle.cpp, tested on every platform).
#include "macos/diskutil_disk_lifecycle.h"

namespace dextqual::platform {

std::unique_ptr<DiskLifecycle> make_disk_lifecycle(CommandRunner runner) {
  return macos::make_diskutil_disk_lifecycle(std::move(runner));
}

}  // namespace dextqual::platform
