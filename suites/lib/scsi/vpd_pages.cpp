#include "scsi/vpd_pages.h"

#include "scsi/big_endian.h"

namespace dextqual::scsi {

Result<VpdPage> parse_vpd_page(std::span<const uint8_t> bytes) {
  if (bytes.size() < 4) {
    return fail("parse VPD page", std::to_string(bytes.size()) + " bytes, fewer than the 4-byte header");
  }
  VpdPage page;
  page.peripheral_qualifier = bytes[0] >> 5;
  page.device_type = bytes[0] & 0x1F;
  page.page_code = bytes[1];
  page.page_length = static_cast<uint16_t>(get_be(bytes, 2, 2));
  const size_t present = std::min<size_t>(bytes.size() - 4, page.page_length);
  page.payload.assign(bytes.begin() + 4, bytes.begin() + 4 + static_cast<std::ptrdiff_t>(present));
  return page;
}

Result<std::vector<Designator>> parse_designators(const VpdPage& page) {
  std::vector<Designator> designators;
  const auto& bytes = page.payload;
  size_t offset = 0;
  while (offset < bytes.size()) {
    if (offset + 4 > bytes.size()) {
      return fail("parse VPD 83h",
                  "descriptor header at page offset " + std::to_string(offset + 4) + " runs past the page");
    }
    Designator designator;
    designator.protocol_identifier = bytes[offset] >> 4;
    designator.code_set = bytes[offset] & 0x0F;
    designator.piv = (bytes[offset + 1] & 0x80) != 0;
    designator.association = (bytes[offset + 1] >> 4) & 0x03;
    designator.type = bytes[offset + 1] & 0x0F;
    const size_t length = bytes[offset + 3];
    if (offset + 4 + length > bytes.size()) {
      return fail("parse VPD 83h", "designator at page offset " + std::to_string(offset + 4) + " declares " +
                                       std::to_string(length) + " bytes, past the page length");
    }
    designator.identifier.assign(bytes.begin() + static_cast<std::ptrdiff_t>(offset + 4),
                                 bytes.begin() + static_cast<std::ptrdiff_t>(offset + 4 + length));
    designators.push_back(std::move(designator));
    offset += 4 + length;
  }
  return designators;
}

std::string designator_type_name(uint8_t type) {
  switch (type) {
    case 0:
      return "vendor specific";
    case 1:
      return "T10 vendor ID";
    case 2:
      return "EUI-64";
    case 3:
      return "NAA";
    case 4:
      return "relative target port";
    case 5:
      return "target port group";
    case 6:
      return "logical unit group";
    case 7:
      return "MD5 logical unit";
    case 8:
      return "SCSI name string";
    default:
      return "type " + std::to_string(type);
  }
}

// Offsets below are of the full page (SBC-3 table 189); payload starts at page byte 4.
BlockLimits parse_block_limits(const VpdPage& page) {
  std::span<const uint8_t> p = page.payload;
  BlockLimits limits;
  limits.wsnz = !p.empty() && (p[0] & 0x01) != 0;
  limits.max_compare_write = p.size() > 1 ? p[1] : 0;
  limits.optimal_transfer_length_granularity = static_cast<uint16_t>(get_be(p, 6 - 4, 2));
  limits.maximum_transfer_length = static_cast<uint32_t>(get_be(p, 8 - 4, 4));
  limits.optimal_transfer_length = static_cast<uint32_t>(get_be(p, 12 - 4, 4));
  limits.maximum_unmap_lba_count = static_cast<uint32_t>(get_be(p, 20 - 4, 4));
  limits.maximum_unmap_block_descriptor_count = static_cast<uint32_t>(get_be(p, 24 - 4, 4));
  limits.maximum_write_same_length = get_be(p, 36 - 4, 8);
  return limits;
}

BlockDeviceCharacteristics parse_block_device_characteristics(const VpdPage& page) {
  std::span<const uint8_t> p = page.payload;
  BlockDeviceCharacteristics characteristics;
  characteristics.medium_rotation_rate = static_cast<uint16_t>(get_be(p, 0, 2));
  characteristics.nominal_form_factor = p.size() > 3 ? (p[3] & 0x0F) : 0;
  return characteristics;
}

}  // namespace dextqual::scsi
