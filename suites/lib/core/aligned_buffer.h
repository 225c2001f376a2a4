// The one aligned buffer: zeroed heap memory aligned for O_DIRECT / F_NOCACHE I/O (user buffers must
// be aligned to the device's block, 4 KiB covers every device we meet), move-only, freed on
// destruction. Used by the raw probe, the lifecycle suites' raw I/O and the integrity engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace dextqual {

class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  // `size` zeroed bytes aligned to `alignment` (a power of two). A buffer larger than 512 KiB is
  // 2 MiB-aligned and asked to be transparent huge pages (aligned_buffer.cpp says why). Throws
  // std::bad_alloc when there is no memory, as new does.
  explicit AlignedBuffer(std::size_t size, std::size_t alignment = 4096);
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;
  AlignedBuffer(AlignedBuffer&& other) noexcept;
  AlignedBuffer& operator=(AlignedBuffer&& other) noexcept;
  ~AlignedBuffer();

  [[nodiscard]] std::uint8_t* data() { return data_; }
  [[nodiscard]] const std::uint8_t* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::span<std::uint8_t> bytes() { return {data_, size_}; }
  [[nodiscard]] std::span<const std::uint8_t> bytes() const { return {data_, size_}; }

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace dextqual
