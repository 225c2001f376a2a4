// Making a file's data survive a power cut, per OS. Linux: fsync (the block layer follows it with
// SYNCHRONIZE CACHE when the disk has a volatile cache). macOS: fsync only reaches the drive's cache;
// F_FULLFSYNC also has the filesystem ask the drive to flush (MACOS.md §3). For a block-device node,
// use limits::flush_device (DKIOCSYNCHRONIZE) instead: F_FULLFSYNC is meant for files.
#pragma once

#include <string>

#include "core/result.h"

namespace dextqual {

// `what` names the file in the Error ("fsync /var/.../reboot-request.json").
[[nodiscard]] Status sync_to_stable_storage(int fd, const std::string& what);

}  // namespace dextqual
