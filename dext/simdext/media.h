// The non-volatile media of one logical unit: sparse backing files under the state directory, so
// that what was destaged survives a power cut or a process restart (a reboot). Media I/O is
// positional and thread-safe. The media is split into chunk files of at most `chunk_bytes`
// (`path`, `path.1`, `path.2`, ...): one file cannot exceed the backing filesystem's limit (16 TiB
// on ext4 with 4 KiB blocks), and the field's volumes are 66 TB (issue 13 §2).
#pragma once

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <vector>

namespace simdext {

class Media {
 public:
  Media() = default;
  Media(const Media&) = delete;
  Media& operator=(const Media&) = delete;
  Media(Media&& other) noexcept;
  Media& operator=(Media&& other) noexcept;
  ~Media();

  static constexpr uint64_t kChunkBytes = 1ull << 40;  // 1 TiB: far below ext4's 16 TiB file limit

  // Opens (creating if absent) the chunk files and sizes them to blocks * block_size in all,
  // without allocating. `chunk_bytes` must be a multiple of block_size.
  [[nodiscard]] static std::expected<Media, std::string> open(const std::string& path, uint32_t block_size,
                                                              uint64_t blocks,
                                                              uint64_t chunk_bytes = kChunkBytes);

  // Whole blocks only; false on an I/O error.
  [[nodiscard]] bool read(uint64_t lba, std::span<uint8_t> out) const;
  [[nodiscard]] bool write(uint64_t lba, std::span<const uint8_t> data) const;

 private:
  void close_all();
  // Positional I/O across chunk boundaries; false on an I/O error.
  template <typename Op>
  bool each_chunk(uint64_t offset, size_t size, Op op) const;

  std::vector<int> fds_;
  uint64_t chunk_bytes_ = kChunkBytes;
  uint32_t block_size_ = 512;
};

}  // namespace simdext
