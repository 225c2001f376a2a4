#include "core/aligned_buffer.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace dextqual {
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
  std::size_t bytes = size == 0 ? alignment : (size + alignment - 1) / alignment * alignment;
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
  std::memset(memory, 0, bytes);
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

}  // namespace dextqual
