// Big-endian field access for CDBs and parameter data (SCSI is big-endian throughout).
#pragma once

#include <cstddef>
#include <cstdint>

namespace simdext::be {

inline uint64_t get(const uint8_t* p, size_t bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < bytes; ++i) {
    value = (value << 8) | p[i];
  }
  return value;
}

inline void put(uint8_t* p, size_t bytes, uint64_t value) {
  for (size_t i = bytes; i-- > 0;) {
    p[i] = static_cast<uint8_t>(value);
    value >>= 8;
  }
}

}  // namespace simdext::be
