#include "scsi/mode_data.h"

#include <string>

#include "scsi/big_endian.h"

namespace dextqual::scsi {

const ModePage* ModeParameters::find(uint8_t page_code, uint8_t subpage_code) const {
  for (const ModePage& page : pages) {
    if (page.page_code == page_code && page.subpage_code == subpage_code) {
      return &page;
    }
  }
  return nullptr;
}

Result<ModeParameters> parse_mode_parameters(std::span<const uint8_t> bytes, bool ten) {
  ModeParameters mode;
  mode.header_length = ten ? 8 : 4;
  if (bytes.size() < mode.header_length) {
    return fail("parse mode parameters", std::to_string(bytes.size()) + " bytes, fewer than the " +
                                             std::to_string(mode.header_length) + "-byte header");
  }
  if (ten) {
    mode.mode_data_length = get_be(bytes, 0, 2);
    mode.medium_type = bytes[2];
    mode.write_protect = (bytes[3] & 0x80) != 0;
    mode.dpofua = (bytes[3] & 0x10) != 0;
    mode.long_lba = (bytes[4] & 0x01) != 0;
    mode.block_descriptor_length = static_cast<uint16_t>(get_be(bytes, 6, 2));
  } else {
    mode.mode_data_length = bytes[0];
    mode.medium_type = bytes[1];
    mode.write_protect = (bytes[2] & 0x80) != 0;
    mode.dpofua = (bytes[2] & 0x10) != 0;
    mode.block_descriptor_length = bytes[3];
  }
  // The data ends at the declared length or the reply's end, whichever is first.
  const size_t end = std::min(bytes.size(), mode.mode_data_length + (ten ? 2 : 1));
  const size_t descriptor_size = mode.long_lba ? 16 : 8;
  size_t offset = mode.header_length;
  const size_t descriptors_end = std::min(end, offset + mode.block_descriptor_length);
  for (; offset + descriptor_size <= descriptors_end; offset += descriptor_size) {
    BlockDescriptor descriptor;
    if (mode.long_lba) {
      descriptor.blocks = get_be(bytes, offset, 8);
      descriptor.block_length = static_cast<uint32_t>(get_be(bytes, offset + 12, 4));
    } else {
      descriptor.blocks = get_be(bytes, offset, 4);
      descriptor.block_length = static_cast<uint32_t>(get_be(bytes, offset + 5, 3));
    }
    mode.block_descriptors.push_back(descriptor);
  }
  offset = mode.header_length + mode.block_descriptor_length;
  while (offset + 2 <= end) {
    ModePage page;
    page.ps = (bytes[offset] & 0x80) != 0;
    page.spf = (bytes[offset] & 0x40) != 0;
    page.page_code = bytes[offset] & 0x3F;
    if (page.spf) {
      page.subpage_code = bytes[offset + 1];
      page.declared_length = 4 + get_be(bytes, offset + 2, 2);
    } else {
      page.declared_length = 2u + bytes[offset + 1];
    }
    const size_t present = std::min(page.declared_length, end - offset);
    mode.pages_overrun = mode.pages_overrun || present < page.declared_length;
    page.bytes.assign(bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                      bytes.begin() + static_cast<std::ptrdiff_t>(offset + present));
    mode.pages.push_back(std::move(page));
    offset += present;
  }
  return mode;
}

std::optional<CachingPage> parse_caching_page(const ModePage& page) {
  if (page.page_code != 0x08 || page.bytes.size() < 3) {
    return std::nullopt;
  }
  return CachingPage{(page.bytes[2] & 0x04) != 0, (page.bytes[2] & 0x01) != 0};
}

}  // namespace dextqual::scsi
