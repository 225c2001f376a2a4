// The non-volatile media of one logical unit: a sparse backing file under the state directory, so
// that what was destaged survives a power cut or a process restart (a reboot). Media I/O is
// positional and thread-safe.
#pragma once

#include <cstdint>
#include <expected>
#include <span>
#include <string>

namespace simdext {

class Media {
 public:
  Media() = default;
  Media(const Media&) = delete;
  Media& operator=(const Media&) = delete;
  Media(Media&& other) noexcept;
  Media& operator=(Media&& other) noexcept;
  ~Media();

  // Opens (creating if absent) the file and sizes it to blocks * block_size without allocating.
  [[nodiscard]] static std::expected<Media, std::string> open(const std::string& path, uint32_t block_size,
                                                              uint64_t blocks);

  // Whole blocks only; false on an I/O error.
  [[nodiscard]] bool read(uint64_t lba, std::span<uint8_t> out) const;
  [[nodiscard]] bool write(uint64_t lba, std::span<const uint8_t> data) const;

 private:
  int fd_ = -1;
  uint32_t block_size_ = 512;
};

}  // namespace simdext
