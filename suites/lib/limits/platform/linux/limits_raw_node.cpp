// Linux: the raw path is O_DIRECT on the block node; a device flush is fsync() on it, which the block
// layer turns into SYNCHRONIZE CACHE when the queue's write_cache is "write back".
#include <fcntl.h>
#include <unistd.h>

#include "limits/limits_probe.h"

namespace dextqual::limits {

Result<UniqueFd> open_uncached(const std::string& node, Access access) {
  const int mode = access == Access::read_only ? O_RDONLY : O_RDWR;
  UniqueFd fd(::open(node.c_str(), mode | O_DIRECT | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open " + node + " with O_DIRECT");
  }
  return fd;
}

Status flush_device(int fd) {
  if (::fsync(fd) != 0) {
    return fail_errno("fsync (SYNCHRONIZE CACHE)");
  }
  return {};
}

}  // namespace dextqual::limits
