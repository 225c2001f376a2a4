#include "scsi/inquiry_data.h"

#include "scsi/big_endian.h"

namespace dextqual::scsi {
namespace {

std::string field(std::span<const uint8_t> bytes, size_t offset, size_t width) {
  std::string text;
  for (size_t i = offset; i < offset + width && i < bytes.size(); ++i) {
    text += static_cast<char>(bytes[i]);
  }
  return text;
}

}  // namespace

Result<StandardInquiry> parse_standard_inquiry(std::span<const uint8_t> bytes) {
  if (bytes.size() < 5) {
    return fail("parse standard INQUIRY",
                std::to_string(bytes.size()) + " bytes, fewer than the 5-byte header");
  }
  StandardInquiry inquiry;
  inquiry.available = bytes.size();
  inquiry.peripheral_qualifier = bytes[0] >> 5;
  inquiry.device_type = bytes[0] & 0x1F;
  inquiry.removable = (bytes[1] & 0x80) != 0;
  inquiry.version = bytes[2];
  inquiry.obsolete_aerc = (bytes[3] & 0x80) != 0;
  inquiry.obsolete_trmtsk = (bytes[3] & 0x40) != 0;
  inquiry.normaca = (bytes[3] & 0x20) != 0;
  inquiry.hisup = (bytes[3] & 0x10) != 0;
  inquiry.response_data_format = bytes[3] & 0x0F;
  inquiry.additional_length = bytes[4];
  inquiry.protect = bytes.size() > 5 && (bytes[5] & 0x01) != 0;
  inquiry.cmdque = bytes.size() > 7 && (bytes[7] & 0x02) != 0;
  inquiry.vendor = field(bytes, 8, 8);
  inquiry.product = field(bytes, 16, 16);
  inquiry.revision = field(bytes, 32, 4);
  const size_t end = std::min(bytes.size(), size_t{5} + inquiry.additional_length);
  for (size_t offset = 58; offset + 2 <= end && offset < 74; offset += 2) {
    if (auto descriptor = static_cast<uint16_t>(get_be(bytes, offset, 2)); descriptor != 0) {
      inquiry.version_descriptors.push_back(descriptor);
    }
  }
  return inquiry;
}

std::string trim_ascii_field(const std::string& text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\0')) {
    --end;
  }
  return text.substr(0, end);
}

// SPC-4 table 33 (version descriptor values): SPC 0120h-013Fh, SPC-2 0260h-027Fh, SPC-3 0300h-031Fh,
// SPC-4 0460h-047Fh, SPC-5 05C0h-05DFh; SBC 0180h-019Fh, SBC-2 0320h-033Fh, SBC-3 04C0h-04DFh,
// SBC-4 0600h-061Fh.
bool claims_spc(uint16_t d) {
  return (d >= 0x0120 && d <= 0x013F) || (d >= 0x0260 && d <= 0x027F) || (d >= 0x0300 && d <= 0x031F) ||
         (d >= 0x0460 && d <= 0x047F) || (d >= 0x05C0 && d <= 0x05DF);
}

bool claims_sbc(uint16_t d) {
  return (d >= 0x0180 && d <= 0x019F) || (d >= 0x0320 && d <= 0x033F) || (d >= 0x04C0 && d <= 0x04DF) ||
         (d >= 0x0600 && d <= 0x061F);
}

}  // namespace dextqual::scsi
