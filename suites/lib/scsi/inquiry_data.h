// Standard INQUIRY data (SPC-4 6.4.2) decoded field by field. Parsing never judges: a short or odd
// reply still decodes as far as its bytes go, and the suite's tests decide what is wrong with it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::scsi {

struct StandardInquiry {
  uint8_t peripheral_qualifier = 0;  // byte 0 bits 7-5; 3 = no LU at this LUN (SPC-4 6.4.2)
  uint8_t device_type = 0;           // byte 0 bits 4-0; 00h = direct access block (SBC)
  bool removable = false;            // RMB
  uint8_t version = 0;               // 04h SPC-2, 05h SPC-3, 06h SPC-4, 07h SPC-5
  bool normaca = false;
  bool hisup = false;
  uint8_t response_data_format = 0;  // must be 2
  uint8_t additional_length = 0;     // total length - 5
  bool protect = false;              // byte 5 bit 0: PI supported (RC16 PROT_EN agrees)
  bool obsolete_aerc = false;        // byte 3 bit 7 (AERC, obsolete since SPC-3)
  bool obsolete_trmtsk = false;      // byte 3 bit 6 (TrmTsk, obsolete since SPC-2)
  bool cmdque = false;
  std::string vendor;                         // bytes 8-15, as sent (not trimmed)
  std::string product;                        // bytes 16-31
  std::string revision;                       // bytes 32-35
  std::vector<uint16_t> version_descriptors;  // bytes 58-73, non-zero ones
  size_t available = 0;                       // bytes present in the reply
};

// Fails only with fewer than 5 bytes (no ADDITIONAL LENGTH); strings shorter than their field
// decode as far as the reply goes.
[[nodiscard]] Result<StandardInquiry> parse_standard_inquiry(std::span<const uint8_t> bytes);

// Strips trailing spaces (and NULs): "QEMU    " -> "QEMU", for comparisons with expectations.
[[nodiscard]] std::string trim_ascii_field(const std::string& field);

// Version descriptor families (SPC-4 table 33): SPC-n and SBC-n code ranges.
[[nodiscard]] bool claims_spc(uint16_t descriptor);
[[nodiscard]] bool claims_sbc(uint16_t descriptor);

}  // namespace dextqual::scsi
