#include "sense.h"

namespace simdext {

std::vector<uint8_t> build_fixed_sense(const SenseCondition& condition) {
  std::vector<uint8_t> data(18, 0);
  data[0] = 0x70;  // current error, fixed format; VALID=0 (no INFORMATION)
  data[2] = static_cast<uint8_t>(condition.key) & 0x0F;
  data[7] = 10;  // ADDITIONAL SENSE LENGTH: bytes 8..17
  data[12] = condition.asc;
  data[13] = condition.ascq;
  if (condition.field_pointer_byte) {
    // SPC-4 4.5.2.4.2: SKSV=1, C/D=1 (the error is in the CDB), BPV when a bit is given.
    uint8_t byte15 = 0x80 | 0x40;
    if (condition.field_pointer_bit) {
      byte15 |= 0x08 | (*condition.field_pointer_bit & 0x07);
    }
    data[15] = byte15;
    data[16] = static_cast<uint8_t>(*condition.field_pointer_byte >> 8);
    data[17] = static_cast<uint8_t>(*condition.field_pointer_byte);
  }
  return data;
}

}  // namespace simdext
