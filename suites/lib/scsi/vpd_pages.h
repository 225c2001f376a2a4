// Vital product data pages a disk must or commonly does implement (SPC-4 7.8, SBC-3 6.5): the page
// header, Supported VPD Pages (00h), Unit Serial Number (80h), Device Identification (83h), Block
// Limits (B0h) and Block Device Characteristics (B1h), decoded without judging.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::scsi {

struct VpdPage {
  uint8_t peripheral_qualifier = 0;
  uint8_t device_type = 0;
  uint8_t page_code = 0;
  uint16_t page_length = 0;      // bytes after the 4-byte header, as declared
  std::vector<uint8_t> payload;  // the bytes after the header actually present (<= page_length)
};
// Fails with fewer than 4 bytes.
[[nodiscard]] Result<VpdPage> parse_vpd_page(std::span<const uint8_t> bytes);

// 83h designation descriptor (SPC-4 7.8.6.1).
struct Designator {
  uint8_t protocol_identifier = 0;
  uint8_t code_set = 0;  // 1 binary, 2 ASCII, 3 UTF-8
  bool piv = false;
  uint8_t association = 0;  // 0 LU, 1 target port, 2 target device
  uint8_t type = 0;         // 1 T10 vendor, 2 EUI-64, 3 NAA, 4 rel. port, 8 SCSI name string
  std::vector<uint8_t> identifier;
};
// Walks the descriptors; fails when one runs past the page (lengths do not add up).
[[nodiscard]] Result<std::vector<Designator>> parse_designators(const VpdPage& page);
[[nodiscard]] std::string designator_type_name(uint8_t type);

// B0h Block Limits (SBC-3 6.5.3), fields as counts of logical blocks.
struct BlockLimits {
  bool wsnz = false;
  uint8_t max_compare_write = 0;
  uint16_t optimal_transfer_length_granularity = 0;
  uint32_t maximum_transfer_length = 0;  // 0: no limit reported
  uint32_t optimal_transfer_length = 0;
  uint32_t maximum_unmap_lba_count = 0;
  uint32_t maximum_unmap_block_descriptor_count = 0;
  uint64_t maximum_write_same_length = 0;
};
[[nodiscard]] BlockLimits parse_block_limits(const VpdPage& page);

// B1h Block Device Characteristics (SBC-3 6.5.2).
struct BlockDeviceCharacteristics {
  uint16_t medium_rotation_rate = 0;  // 0 not reported, 1 non-rotating (SSD), 0401h-FFFEh rpm
  uint8_t nominal_form_factor = 0;
};
[[nodiscard]] BlockDeviceCharacteristics parse_block_device_characteristics(const VpdPage& page);

}  // namespace dextqual::scsi
