// Linux: FUA as RWF_DSYNC on O_DIRECT, BLKDISCARD, BLKGETSIZE64.
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/uio.h>

#include <cerrno>
#include <string>

#include "lifecycle/lifecycle_raw_io.h"

namespace dextqual::platform {

Status write_fua(int fd, std::uint64_t offset, std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    iovec vector{const_cast<std::uint8_t*>(data.data() + done), data.size() - done};
    const ssize_t written = ::pwritev2(fd, &vector, 1, static_cast<off_t>(offset + done), RWF_DSYNC);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return fail_errno("FUA write (pwritev2 RWF_DSYNC) at byte " + std::to_string(offset + done));
    }
    done += static_cast<std::size_t>(written);
  }
  return {};
}

Status discard_range(int fd, std::uint64_t offset, std::uint64_t length) {
  std::uint64_t range[2] = {offset, length};
  if (::ioctl(fd, BLKDISCARD, range) != 0) {
    return fail_errno("ioctl BLKDISCARD at byte " + std::to_string(offset));
  }
  return {};
}

Result<std::uint64_t> device_size_bytes(int fd) {
  std::uint64_t size = 0;
  if (::ioctl(fd, BLKGETSIZE64, &size) != 0) {
    return fail_errno("ioctl BLKGETSIZE64");
  }
  return size;
}

}  // namespace dextqual::platform
