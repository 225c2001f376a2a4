#include "limits/limits_vpd.h"

#include "scsi/cdb.h"
#include "scsi/make_transport.h"
#include "scsi/vpd_pages.h"

namespace dextqual::limits {

Result<VpdBlockLimits> read_vpd_block_limits(const DutDescription& dut) {
  if (dut.passthrough.kind == PassthroughKind::none) {
    return fail("read VPD B0h", "the DUT has no SCSI pass-through");
  }
  DQ_TRY_ASSIGN(auto initiator, scsi::make_initiator(dut));
  constexpr std::uint16_t kAllocation = 64;  // B0h is 3Ch + 4 bytes
  DQ_TRY_ASSIGN(auto completion, initiator.run_in(scsi::inquiry_vpd(0xB0, kAllocation), kAllocation));
  if (!completion.good()) {
    return fail("INQUIRY VPD B0h", completion.describe());
  }
  DQ_TRY_ASSIGN(auto page, scsi::parse_vpd_page(completion.returned()));
  if (page.page_code != 0xB0 || page.payload.size() < 12) {
    return fail("INQUIRY VPD B0h", "not a Block Limits page (page code " + std::to_string(page.page_code) +
                                       ", " + std::to_string(page.payload.size()) + " bytes)");
  }
  const scsi::BlockLimits limits = scsi::parse_block_limits(page);
  VpdBlockLimits out;
  // 0 in the page means "not reported" (SBC-3 6.5.3).
  if (limits.maximum_transfer_length != 0) {
    out.maximum_transfer_length = limits.maximum_transfer_length;
  }
  if (limits.optimal_transfer_length != 0) {
    out.optimal_transfer_length = limits.optimal_transfer_length;
  }
  if (limits.optimal_transfer_length_granularity != 0) {
    out.optimal_transfer_length_granularity = limits.optimal_transfer_length_granularity;
  }
  return out;
}

}  // namespace dextqual::limits
