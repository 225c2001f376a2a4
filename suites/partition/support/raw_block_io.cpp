#include "raw_block_io.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/uio.h>

#include <cstdlib>
#include <cstring>

namespace dextqual::lifecycle {
namespace {

std::string at(const std::string& node, std::uint64_t offset, std::size_t length) {
  return node + " at byte " + std::to_string(offset) + ", " + std::to_string(length) + " bytes";
}

}  // namespace

AlignedBuffer::AlignedBuffer(std::size_t bytes)
    : data_(static_cast<std::uint8_t*>(std::aligned_alloc(4096, (bytes + 4095) / 4096 * 4096))),
      size_(bytes) {
  std::memset(data_.get(), 0, size_);
}

void AlignedBuffer::Free::operator()(std::uint8_t* pointer) const { std::free(pointer); }

Result<RawBlockDevice> RawBlockDevice::open(const std::string& node) {
  UniqueFd fd(::open(node.c_str(), O_RDWR | O_DIRECT | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open " + node + " (O_DIRECT)");
  }
  return RawBlockDevice(node, std::move(fd));
}

Status RawBlockDevice::write(std::uint64_t offset, std::span<const std::uint8_t> data, WriteMode mode) {
  std::size_t done = 0;
  while (done < data.size()) {
    iovec vector{const_cast<std::uint8_t*>(data.data() + done), data.size() - done};
    const ssize_t written = ::pwritev2(fd_.get(), &vector, 1, static_cast<off_t>(offset + done),
                                       mode == WriteMode::fua ? RWF_DSYNC : 0);
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return fail_errno(std::string(mode == WriteMode::fua ? "FUA write " : "write ") +
                        at(node_, offset + done, data.size() - done));
    }
    if (written == 0) {
      return fail("write " + at(node_, offset + done, data.size() - done), "device accepted 0 bytes");
    }
    done += static_cast<std::size_t>(written);
  }
  return {};
}

Status RawBlockDevice::read(std::uint64_t offset, std::span<std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t got =
        ::pread(fd_.get(), data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      return fail_errno("read " + at(node_, offset + done, data.size() - done));
    }
    if (got == 0) {
      return fail("read " + at(node_, offset + done, data.size() - done), "end of device");
    }
    done += static_cast<std::size_t>(got);
  }
  return {};
}

Status RawBlockDevice::flush() {
  if (::fsync(fd_.get()) != 0) {
    return fail_errno("flush (fsync → SYNCHRONIZE CACHE) " + node_);
  }
  return {};
}

Status RawBlockDevice::discard(std::uint64_t offset, std::uint64_t length) {
  std::uint64_t range[2] = {offset, length};
  if (::ioctl(fd_.get(), BLKDISCARD, range) != 0) {
    return fail_errno("ioctl BLKDISCARD " + at(node_, offset, length));
  }
  return {};
}

Result<std::uint64_t> RawBlockDevice::size_bytes() const {
  std::uint64_t size = 0;
  if (::ioctl(fd_.get(), BLKGETSIZE64, &size) != 0) {
    return fail_errno("ioctl BLKGETSIZE64 " + node_);
  }
  return size;
}

}  // namespace dextqual::lifecycle
