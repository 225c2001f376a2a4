// MODE SENSE(6)/(10) parameter data (SPC-4 7.5): the header, the block descriptors and the mode
// pages, split without judging; and the Caching page (SBC-3 6.4.5), whose WCE/RCD bits decide
// whether Linux sd and IOKit send SYNCHRONIZE CACHE and FUA at all.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"

namespace dextqual::scsi {

struct BlockDescriptor {
  uint64_t blocks = 0;
  uint32_t block_length = 0;
};

struct ModePage {
  uint8_t page_code = 0;
  uint8_t subpage_code = 0;
  bool ps = false;             // parameters saveable
  bool spf = false;            // sub-page format
  std::vector<uint8_t> bytes;  // the whole page, header included, as present in the reply
  size_t declared_length = 0;  // header + PAGE LENGTH
};

struct ModeParameters {
  size_t mode_data_length = 0;  // as declared: bytes after the field itself
  size_t header_length = 0;     // 4 (6-byte CDB) or 8 (10-byte)
  uint8_t medium_type = 0;
  bool write_protect = false;  // device-specific byte bit 7 (SBC-3 6.4.1)
  bool dpofua = false;         // bit 4: DPO and FUA supported
  bool long_lba = false;
  uint16_t block_descriptor_length = 0;
  std::vector<BlockDescriptor> block_descriptors;
  std::vector<ModePage> pages;
  bool pages_overrun = false;  // a page's length runs past the data: reported, not fatal

  [[nodiscard]] const ModePage* find(uint8_t page_code, uint8_t subpage_code = 0) const;
};

// `ten` selects the MODE SENSE(10) header layout. Fails only when the header itself is short.
[[nodiscard]] Result<ModeParameters> parse_mode_parameters(std::span<const uint8_t> bytes, bool ten);

struct CachingPage {
  bool wce = false;  // write cache enabled
  bool rcd = false;  // read cache disabled
};
[[nodiscard]] std::optional<CachingPage> parse_caching_page(const ModePage& page);

}  // namespace dextqual::scsi
