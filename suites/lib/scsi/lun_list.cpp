#include "scsi/lun_list.h"

#include <optional>
#include <string>

#include "scsi/big_endian.h"

namespace dextqual::scsi {

Result<LunList> parse_lun_list(std::span<const uint8_t> bytes) {
  if (bytes.size() < 8) {
    return fail("parse REPORT LUNS data",
                std::to_string(bytes.size()) + " bytes, fewer than the 8-byte header");
  }
  LunList list;
  list.list_length = static_cast<uint32_t>(get_be(bytes, 0, 4));
  for (size_t offset = 8; offset + 8 <= bytes.size() && offset < 8 + size_t{list.list_length}; offset += 8) {
    std::array<uint8_t, 8> entry{};
    for (size_t i = 0; i < 8; ++i) {
      entry[i] = bytes[offset + i];
    }
    list.entries.push_back(entry);
  }
  return list;
}

std::optional<uint64_t> decode_lun(const std::array<uint8_t, 8>& entry) {
  for (size_t i = 2; i < 8; ++i) {
    if (entry[i] != 0) {
      return std::nullopt;  // second-level LUN: hierarchical, not single-level
    }
  }
  switch (entry[0] >> 6) {
    case 0:  // peripheral device addressing; bus identifier must be 0 for a single level
      return (entry[0] & 0x3F) == 0 ? std::optional<uint64_t>(entry[1]) : std::nullopt;
    case 1:  // flat space addressing
      return (uint64_t{entry[0] & 0x3Fu} << 8) | entry[1];
    default:
      return std::nullopt;
  }
}

std::array<uint8_t, 8> encode_lun(uint64_t lun) {
  std::array<uint8_t, 8> entry{};
  if (lun < 256) {
    entry[1] = static_cast<uint8_t>(lun);
  } else {
    entry[0] = static_cast<uint8_t>(0x40 | ((lun >> 8) & 0x3F));
    entry[1] = static_cast<uint8_t>(lun & 0xFF);
  }
  return entry;
}

}  // namespace dextqual::scsi
