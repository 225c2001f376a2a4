#include "platform/limits_probe.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#include "platform/limits_checker.h"

namespace dextqual::limits {

namespace {

// A transfer larger than this from scattered 4 KiB pages needs more than 128 DMA segments, the
// default queue limit of many Linux block drivers (the loop device under simdext among them), so
// the kernel would cut it before the driver sees it (dext/README.md "Request sizes", issue 13 §2).
// Such buffers are 2 MiB-aligned and asked to be transparent huge pages, whose pages merge into
// large segments: the transfer reaches the driver in pieces of its published limits, as IOBreaker
// would send them.
constexpr std::size_t kScatteredPagesLimit = 512 * 1024;
constexpr std::size_t kHugePage = 2 * 1024 * 1024;

}  // namespace

AlignedBuffer::AlignedBuffer(std::size_t size, std::size_t alignment) : size_(size) {
  std::size_t bytes = size == 0 ? alignment : size;
  const bool huge = bytes > kScatteredPagesLimit && alignment <= kHugePage;
  if (huge) {
    alignment = kHugePage;
    bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  }
  void* memory = nullptr;
  if (::posix_memalign(&memory, alignment, bytes) != 0) {
    throw std::bad_alloc();
  }
#ifdef MADV_HUGEPAGE
  if (huge) {
    (void)::madvise(memory, bytes, MADV_HUGEPAGE);  // advice only: without THP the buffer still works
  }
#endif
  data_ = static_cast<std::uint8_t*>(memory);
}

AlignedBuffer::AlignedBuffer(AlignedBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

AlignedBuffer& AlignedBuffer::operator=(AlignedBuffer&& other) noexcept {
  if (this != &other) {
    std::free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

AlignedBuffer::~AlignedBuffer() { std::free(data_); }

std::string errno_name(int error_number) {
  switch (error_number) {
    case EIO:
      return "EIO";
    case EINVAL:
      return "EINVAL";
    case ENOSPC:
      return "ENOSPC";
    case EILSEQ:
      return "EILSEQ";
    case ENXIO:
      return "ENXIO";
    case EFBIG:
      return "EFBIG";
    case EBADF:
      return "EBADF";
    case ENOMEM:
      return "ENOMEM";
    case EFAULT:
      return "EFAULT";
    case ETIMEDOUT:
      return "ETIMEDOUT";
    case ENODEV:
      return "ENODEV";
    default:
      return "errno " + std::to_string(error_number);
  }
}

std::string TransferOutcome::kind() const {
  if (error_number != 0) {
    return errno_name(error_number);
  }
  return transferred == requested ? "ok" : "short";
}

std::string TransferOutcome::describe() const {
  if (error_number != 0) {
    return errno_name(error_number) + " (" + std::strerror(error_number) + ", errno " +
           std::to_string(error_number) + ")";
  }
  if (transferred != requested) {
    return "short: " + std::to_string(transferred) + " of " + std::to_string(requested) + " bytes";
  }
  return "ok";
}

TransferOutcome transfer_once(int fd, Direction direction, std::uint64_t offset,
                              std::span<std::uint8_t> buffer) {
  TransferOutcome outcome;
  outcome.requested = buffer.size();
  const ssize_t done = direction == Direction::read
                           ? ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset))
                           : ::pwrite(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
  if (done < 0) {
    outcome.error_number = errno;
  } else {
    outcome.transferred = static_cast<std::uint64_t>(done);
  }
  return outcome;
}

}  // namespace dextqual::limits
