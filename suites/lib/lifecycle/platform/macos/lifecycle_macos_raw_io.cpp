// macOS: no per-write FUA from user space, so a FUA write is pwrite + DKIOCSYNCHRONIZE; DKIOCUNMAP;
// DKIOCGETBLOCKCOUNT × DKIOCGETBLOCKSIZE (MACOS.md §3). Not compiled on Linux.
#include <sys/disk.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "lifecycle/lifecycle_raw_io.h"

namespace dextqual::platform {

Status write_fua(int fd, std::uint64_t offset, std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t written =
        ::pwrite(fd, data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return fail_errno("write at byte " + std::to_string(offset + done));
    }
    done += static_cast<std::size_t>(written);
  }
  dk_synchronize_t range{};
  range.offset = offset;
  range.length = data.size();
  if (::ioctl(fd, DKIOCSYNCHRONIZE, &range) != 0) {
    return fail_errno("ioctl DKIOCSYNCHRONIZE after the write at byte " + std::to_string(offset));
  }
  return {};
}

Status discard_range(int fd, std::uint64_t offset, std::uint64_t length) {
  dk_extent_t extent{};
  extent.offset = offset;
  extent.length = length;
  dk_unmap_t unmap{};
  unmap.extents = &extent;
  unmap.extentsCount = 1;
  if (::ioctl(fd, DKIOCUNMAP, &unmap) != 0) {
    return fail_errno("ioctl DKIOCUNMAP at byte " + std::to_string(offset));
  }
  return {};
}

Result<std::uint64_t> device_size_bytes(int fd) {
  std::uint64_t blocks = 0;
  std::uint32_t block_size = 0;
  if (::ioctl(fd, DKIOCGETBLOCKCOUNT, &blocks) != 0 || ::ioctl(fd, DKIOCGETBLOCKSIZE, &block_size) != 0) {
    return fail_errno("ioctl DKIOCGETBLOCKCOUNT/DKIOCGETBLOCKSIZE");
  }
  return blocks * block_size;
}

}  // namespace dextqual::platform
