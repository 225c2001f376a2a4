// Reads and writes of whole sectors on the raw node past the host's cache (limits_probe.h's
// open_uncached: O_DIRECT on Linux, /dev/rdiskN with F_NOCACHE on macOS), with the page-aligned buffers
// that needs. What the lifecycle suites write and read back. A write can ask for FUA
// (lifecycle_raw_io.h); flush() is the device flush (SYNCHRONIZE CACHE: fsync / DKIOCSYNCHRONIZE).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/aligned_buffer.h"
#include "core/result.h"
#include "core/unique_fd.h"

namespace dextqual::lifecycle {

enum class WriteMode { normal, fua };

class RawBlockDevice {
 public:
  // Opens `node` read-write with O_DIRECT.
  [[nodiscard]] static Result<RawBlockDevice> open(const std::string& node);

  [[nodiscard]] Status write(std::uint64_t offset, std::span<const std::uint8_t> data,
                             WriteMode mode = WriteMode::normal);
  [[nodiscard]] Status read(std::uint64_t offset, std::span<std::uint8_t> data);
  [[nodiscard]] Status flush();
  // Discards (BLKDISCARD) a byte range; devices without discard say so with an Error.
  [[nodiscard]] Status discard(std::uint64_t offset, std::uint64_t length);
  [[nodiscard]] Result<std::uint64_t> size_bytes() const;

  [[nodiscard]] const std::string& node() const { return node_; }
  [[nodiscard]] int fd() const { return fd_.get(); }

 private:
  RawBlockDevice(std::string node, UniqueFd fd) : node_(std::move(node)), fd_(std::move(fd)) {}
  std::string node_;
  UniqueFd fd_;
};

}  // namespace dextqual::lifecycle
