// Block Limits VPD (B0h, SBC-3 6.5.3) read through the DUT's SCSI pass-through (suites/lib/scsi): the
// device's own MAXIMUM TRANSFER LENGTH, which the OS's split size must not exceed.
#pragma once

#include "core/result.h"
#include "dut/dut_description.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

// An Error when the DUT has no pass-through, the INQUIRY fails, or the page is malformed.
[[nodiscard]] Result<VpdBlockLimits> read_vpd_block_limits(const DutDescription& dut);

}  // namespace dextqual::limits
