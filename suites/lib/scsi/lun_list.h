// REPORT LUNS parameter data (SPC-4 6.33) and the LUN encodings a single-level initiator needs
// (SAM-5 4.6.7: peripheral device addressing for LUN < 256, flat space addressing up to 16383).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"

namespace dextqual::scsi {

struct LunList {
  uint32_t list_length = 0;  // as declared: 8 * number of LUNs, even when the reply is truncated
  std::vector<std::array<uint8_t, 8>> entries;  // the entries present in the reply
};
// Fails with fewer than the 8-byte header.
[[nodiscard]] Result<LunList> parse_lun_list(std::span<const uint8_t> bytes);

// The LUN number of an 8-byte entry in peripheral (00b) or flat (01b) addressing; nullopt for
// hierarchical or extended forms this initiator does not address.
[[nodiscard]] std::optional<uint64_t> decode_lun(const std::array<uint8_t, 8>& entry);
[[nodiscard]] std::array<uint8_t, 8> encode_lun(uint64_t lun);

}  // namespace dextqual::scsi
