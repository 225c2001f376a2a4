// macOS: F_FULLFSYNC (data to the medium, not only to the drive's cache). A filesystem that does not
// implement it answers ENOTSUP/ENOTTY (network and FUSE volumes): then fsync is the best there is.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "core/durable_sync.h"

namespace dextqual {

Status sync_to_stable_storage(int fd, const std::string& what) {
  if (::fcntl(fd, F_FULLFSYNC) == 0) return {};
  if (errno != ENOTSUP && errno != ENOTTY && errno != EINVAL) return fail_errno("fcntl F_FULLFSYNC " + what);
  if (::fsync(fd) != 0) return fail_errno("fsync " + what);
  return {};
}

}  // namespace dextqual
