#include "media.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace simdext {

Media::Media(Media&& other) noexcept : fd_(std::exchange(other.fd_, -1)), block_size_(other.block_size_) {}

Media& Media::operator=(Media&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    fd_ = std::exchange(other.fd_, -1);
    block_size_ = other.block_size_;
  }
  return *this;
}

Media::~Media() {
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

std::expected<Media, std::string> Media::open(const std::string& path, uint32_t block_size, uint64_t blocks) {
  Media media;
  media.fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (media.fd_ < 0) {
    return std::unexpected("open " + path + ": " + std::strerror(errno));
  }
  media.block_size_ = block_size;
  if (::ftruncate(media.fd_, static_cast<off_t>(blocks * block_size)) != 0) {
    return std::unexpected("ftruncate " + path + ": " + std::strerror(errno));
  }
  return media;
}

bool Media::read(uint64_t lba, std::span<uint8_t> out) const {
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n =
        ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(lba * block_size_ + done));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return false;
    }
    if (n == 0) {  // a hole past EOF cannot happen (the file is sized), but never spin
      std::memset(out.data() + done, 0, out.size() - done);
      break;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool Media::write(uint64_t lba, std::span<const uint8_t> data) const {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n =
        ::pwrite(fd_, data.data() + done, data.size() - done, static_cast<off_t>(lba * block_size_ + done));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace simdext
