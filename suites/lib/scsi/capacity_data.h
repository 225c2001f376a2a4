// READ CAPACITY(10) and (16) parameter data (SBC-3 5.15, 5.16).
#pragma once

#include <cstdint>
#include <span>

#include "core/result.h"

namespace dextqual::scsi {

struct Capacity10 {
  uint32_t last_lba = 0;  // FFFFFFFFh: the capacity needs READ CAPACITY(16)
  uint32_t block_length = 0;
};
[[nodiscard]] Result<Capacity10> parse_capacity10(std::span<const uint8_t> bytes);

struct Capacity16 {
  uint64_t last_lba = 0;
  uint32_t block_length = 0;
  uint8_t p_type = 0;
  bool prot_en = false;
  uint8_t p_i_exponent = 0;
  uint8_t lbppbe = 0;  // logical blocks per physical block exponent
  bool lbpme = false;  // thin provisioning enabled
  bool lbprz = false;  // unmapped blocks read zero
  uint16_t lowest_aligned_lba = 0;

  [[nodiscard]] uint64_t blocks() const { return last_lba + 1; }
};
// Needs the first 12 bytes (LBA and block length); fields past the reply's end read as 0.
[[nodiscard]] Result<Capacity16> parse_capacity16(std::span<const uint8_t> bytes);

}  // namespace dextqual::scsi
