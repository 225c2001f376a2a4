#include "scsi/capacity_data.h"

#include <string>

#include "scsi/big_endian.h"

namespace dextqual::scsi {

Result<Capacity10> parse_capacity10(std::span<const uint8_t> bytes) {
  if (bytes.size() < 8) {
    return fail("parse READ CAPACITY(10) data", std::to_string(bytes.size()) + " bytes, expected 8");
  }
  return Capacity10{static_cast<uint32_t>(get_be(bytes, 0, 4)), static_cast<uint32_t>(get_be(bytes, 4, 4))};
}

Result<Capacity16> parse_capacity16(std::span<const uint8_t> bytes) {
  if (bytes.size() < 12) {
    return fail("parse READ CAPACITY(16) data", std::to_string(bytes.size()) + " bytes, expected 32");
  }
  Capacity16 capacity;
  capacity.last_lba = get_be(bytes, 0, 8);
  capacity.block_length = static_cast<uint32_t>(get_be(bytes, 8, 4));
  const uint8_t b12 = static_cast<uint8_t>(get_be(bytes, 12, 1));
  const uint8_t b13 = static_cast<uint8_t>(get_be(bytes, 13, 1));
  capacity.p_type = (b12 >> 1) & 0x07;
  capacity.prot_en = (b12 & 0x01) != 0;
  capacity.p_i_exponent = b13 >> 4;
  capacity.lbppbe = b13 & 0x0F;
  const uint16_t b14_15 = static_cast<uint16_t>(get_be(bytes, 14, 2));
  capacity.lbpme = (b14_15 & 0x8000) != 0;
  capacity.lbprz = (b14_15 & 0x4000) != 0;
  capacity.lowest_aligned_lba = b14_15 & 0x3FFF;
  return capacity;
}

}  // namespace dextqual::scsi
