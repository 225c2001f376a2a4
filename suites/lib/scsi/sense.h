// Sense data as the standard lays it out (SPC-4 4.5): fixed format (70h/71h) and descriptor format
// (72h/73h), decoded into one value with the sense key, ASC/ASCQ, INFORMATION and the sense-key
// specific field pointer. Also the words for each key and the ASC/ASCQ pairs a disk suite meets, so
// a failure reads "ILLEGAL REQUEST 24h/00h INVALID FIELD IN CDB", not "5/36/0".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/result.h"

namespace dextqual::scsi {

namespace sense_key {
inline constexpr uint8_t kNoSense = 0x0;
inline constexpr uint8_t kRecoveredError = 0x1;
inline constexpr uint8_t kNotReady = 0x2;
inline constexpr uint8_t kMediumError = 0x3;
inline constexpr uint8_t kHardwareError = 0x4;
inline constexpr uint8_t kIllegalRequest = 0x5;
inline constexpr uint8_t kUnitAttention = 0x6;
inline constexpr uint8_t kDataProtect = 0x7;
inline constexpr uint8_t kAbortedCommand = 0xB;
}  // namespace sense_key

// SKSV set with ILLEGAL REQUEST: which CDB (or parameter list) byte and bit was wrong (SPC-4 4.5.2.4.2).
struct FieldPointer {
  bool in_cdb = true;  // C/D bit
  uint16_t byte = 0;
  std::optional<uint8_t> bit;  // when BPV is set
};

struct Sense {
  uint8_t response_code = 0;  // 70h/71h fixed, 72h/73h descriptor
  bool descriptor_format = false;
  bool deferred = false;  // 71h/73h: about an earlier command
  uint8_t key = 0;
  uint8_t asc = 0;
  uint8_t ascq = 0;
  std::optional<uint64_t> information;  // VALID bit (fixed) or information descriptor
  std::optional<FieldPointer> field_pointer;
  size_t declared_length = 0;  // 8 + ADDITIONAL SENSE LENGTH
  size_t available = 0;        // bytes actually present

  [[nodiscard]] bool truncated() const { return available < declared_length; }
};

// Fails on an empty buffer, an unknown response code, or fewer bytes than the key/ASC need.
[[nodiscard]] Result<Sense> parse_sense(std::span<const uint8_t> bytes);

[[nodiscard]] std::string sense_key_name(uint8_t key);
// The standard's words for the pairs the suite meets; "ASC 5Dh/00h" for the rest.
[[nodiscard]] std::string asc_text(uint8_t asc, uint8_t ascq);
// "ILLEGAL REQUEST 24h/00h INVALID FIELD IN CDB (CDB byte 2 bit 7), fixed format".
[[nodiscard]] std::string describe(const Sense& sense);
// "5h/24h/00h" for compact listings.
[[nodiscard]] std::string key_asc_ascq(uint8_t key, uint8_t asc, uint8_t ascq);

}  // namespace dextqual::scsi
