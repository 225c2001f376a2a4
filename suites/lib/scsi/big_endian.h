// Big-endian field access for CDBs and parameter data. SCSI numbers every multi-byte field MSB first
// (SPC-4 3.5.1); the initiator keeps its own copy rather than sharing simdext's (ARCHITECTURE.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace dextqual::scsi {

// Reads `width` bytes (1..8) at `offset`; 0 when the field lies outside `bytes`, so a short reply
// never reads out of bounds (the caller checks lengths before trusting a value).
[[nodiscard]] inline uint64_t get_be(std::span<const uint8_t> bytes, size_t offset, size_t width) {
  if (offset + width > bytes.size()) {
    return 0;
  }
  uint64_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    value = (value << 8) | bytes[offset + i];
  }
  return value;
}

inline void put_be(std::span<uint8_t> bytes, size_t offset, size_t width, uint64_t value) {
  for (size_t i = 0; i < width && offset + i < bytes.size(); ++i) {
    bytes[offset + width - 1 - i] = static_cast<uint8_t>(value >> (8 * i));
  }
}

}  // namespace dextqual::scsi
