// Sense data as a target returns it (SPC-4 4.5): the fixed format (70h) the model answers with,
// and the named conditions the model raises. Written from the standard, not shared with the tester.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace simdext {

enum class SenseKey : uint8_t {
  no_sense = 0x0,
  recovered_error = 0x1,
  not_ready = 0x2,
  medium_error = 0x3,
  hardware_error = 0x4,
  illegal_request = 0x5,
  unit_attention = 0x6,
  data_protect = 0x7,
  aborted_command = 0xB,
  miscompare = 0xE,
};

struct SenseCondition {
  SenseKey key = SenseKey::no_sense;
  uint8_t asc = 0;
  uint8_t ascq = 0;
  // Sense-key specific field pointer (SKSV=1) for ILLEGAL REQUEST: byte (and bit) in the CDB.
  std::optional<uint16_t> field_pointer_byte;
  std::optional<uint8_t> field_pointer_bit;

  friend bool operator==(const SenseCondition& a, const SenseCondition& b) {
    return a.key == b.key && a.asc == b.asc && a.ascq == b.ascq;
  }
};

namespace sense {
inline SenseCondition invalid_opcode() { return {SenseKey::illegal_request, 0x20, 0x00, 0, 7}; }
inline SenseCondition invalid_field_in_cdb(uint16_t byte, std::optional<uint8_t> bit = std::nullopt) {
  return {SenseKey::illegal_request, 0x24, 0x00, byte, bit};
}
inline SenseCondition lba_out_of_range() { return {SenseKey::illegal_request, 0x21, 0x00, {}, {}}; }
inline SenseCondition lun_not_supported() { return {SenseKey::illegal_request, 0x25, 0x00, {}, {}}; }
inline SenseCondition saving_not_supported() { return {SenseKey::illegal_request, 0x39, 0x00, 2, 7}; }
inline SenseCondition power_on_reset() { return {SenseKey::unit_attention, 0x29, 0x00, {}, {}}; }
inline SenseCondition bus_reset() { return {SenseKey::unit_attention, 0x29, 0x02, {}, {}}; }
inline SenseCondition medium_changed() { return {SenseKey::unit_attention, 0x28, 0x00, {}, {}}; }
inline SenseCondition luns_changed() { return {SenseKey::unit_attention, 0x3F, 0x0E, {}, {}}; }
inline SenseCondition medium_not_present() { return {SenseKey::not_ready, 0x3A, 0x00, {}, {}}; }
inline SenseCondition becoming_ready() { return {SenseKey::not_ready, 0x04, 0x01, {}, {}}; }
inline SenseCondition removal_prevented() { return {SenseKey::illegal_request, 0x53, 0x02, {}, {}}; }
inline SenseCondition miscompare_during_verify() { return {SenseKey::miscompare, 0x1D, 0x00, {}, {}}; }
inline SenseCondition parameter_list_length_error() {
  return {SenseKey::illegal_request, 0x1A, 0x00, {}, {}};
}
}  // namespace sense

// Fixed-format current sense data, 18 bytes (ADDITIONAL SENSE LENGTH 0Ah).
[[nodiscard]] std::vector<uint8_t> build_fixed_sense(const SenseCondition& condition);

}  // namespace simdext
