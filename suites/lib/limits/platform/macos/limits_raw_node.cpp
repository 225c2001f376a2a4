// macOS: the raw path is /dev/rdiskN with F_NOCACHE; fsync is not a device flush there, so the flush
// is DKIOCSYNCHRONIZE (docs/FIELD-REPORTS.md, "Facts worth keeping in mind").
#include <fcntl.h>
#include <sys/disk.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "limits/limits_probe.h"

namespace dextqual::limits {

Result<UniqueFd> open_uncached(const std::string& node, Access access) {
  std::string path = node;
  if (path.starts_with("/dev/disk")) {
    path.insert(5, "r");
  }
  const int mode = access == Access::read_only ? O_RDONLY : O_RDWR;
  UniqueFd fd(::open(path.c_str(), mode | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open " + path);
  }
  if (::fcntl(fd.get(), F_NOCACHE, 1) != 0) {
    return fail_errno("fcntl F_NOCACHE " + path);
  }
  return fd;
}

Status flush_device(int fd) {
  // DKIOCSYNCHRONIZE is _IOW: the kernel copies the argument in, so a null pointer would be EFAULT, not
  // a flush. Offset 0 and length 0 mean the whole device; no options (no barrier-only flush).
  dk_synchronize_t whole_device{};
  if (::ioctl(fd, DKIOCSYNCHRONIZE, &whole_device) != 0) {
    return fail_errno("ioctl DKIOCSYNCHRONIZE");
  }
  return {};
}

}  // namespace dextqual::limits
