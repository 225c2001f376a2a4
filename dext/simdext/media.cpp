#include "media.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace simdext {

Media::Media(Media&& other) noexcept
    : fds_(std::exchange(other.fds_, {})), chunk_bytes_(other.chunk_bytes_), block_size_(other.block_size_) {}

Media& Media::operator=(Media&& other) noexcept {
  if (this != &other) {
    close_all();
    fds_ = std::exchange(other.fds_, {});
    chunk_bytes_ = other.chunk_bytes_;
    block_size_ = other.block_size_;
  }
  return *this;
}

Media::~Media() { close_all(); }

void Media::close_all() {
  for (int fd : fds_) {
    ::close(fd);
  }
  fds_.clear();
}

std::expected<Media, std::string> Media::open(const std::string& path, uint32_t block_size, uint64_t blocks,
                                              uint64_t chunk_bytes) {
  if (chunk_bytes == 0 || chunk_bytes % block_size != 0) {
    return std::unexpected("media chunk size " + std::to_string(chunk_bytes) + " is not a multiple of " +
                           std::to_string(block_size));
  }
  Media media;
  media.block_size_ = block_size;
  media.chunk_bytes_ = chunk_bytes;
  const uint64_t total = blocks * block_size;
  for (uint64_t at = 0, index = 0; at < total || index == 0; at += chunk_bytes, ++index) {
    const std::string name = index == 0 ? path : path + "." + std::to_string(index);
    const int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
      return std::unexpected("open " + name + ": " + std::strerror(errno));
    }
    media.fds_.push_back(fd);
    const uint64_t size = std::min(chunk_bytes, total - at);
    if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
      return std::unexpected("ftruncate " + name + " to " + std::to_string(size) + ": " +
                             std::strerror(errno));
    }
  }
  return media;
}

template <typename Op>
bool Media::each_chunk(uint64_t offset, size_t size, Op op) const {
  size_t done = 0;
  while (done < size) {
    const uint64_t at = offset + done;
    const size_t index = static_cast<size_t>(at / chunk_bytes_);
    if (index >= fds_.size()) {
      return false;
    }
    const uint64_t within = at % chunk_bytes_;
    const size_t n = static_cast<size_t>(std::min<uint64_t>(size - done, chunk_bytes_ - within));
    if (!op(fds_[index], within, done, n)) {
      return false;
    }
    done += n;
  }
  return true;
}

bool Media::read(uint64_t lba, std::span<uint8_t> out) const {
  return each_chunk(lba * block_size_, out.size(), [&](int fd, uint64_t within, size_t from, size_t size) {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::pread(fd, out.data() + from + done, size - done, static_cast<off_t>(within + done));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        return false;
      }
      if (n == 0) {  // a hole past EOF cannot happen (the chunk is sized), but never spin
        std::memset(out.data() + from + done, 0, size - done);
        break;
      }
      done += static_cast<size_t>(n);
    }
    return true;
  });
}

bool Media::write(uint64_t lba, std::span<const uint8_t> data) const {
  return each_chunk(lba * block_size_, data.size(), [&](int fd, uint64_t within, size_t from, size_t size) {
    size_t done = 0;
    while (done < size) {
      const ssize_t n =
          ::pwrite(fd, data.data() + from + done, size - done, static_cast<off_t>(within + done));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return false;
      }
      done += static_cast<size_t>(n);
    }
    return true;
  });
}

}  // namespace simdext
