// Who a logical unit is, asked of the LU itself over the pass-through: its VPD 80h serial and its VPD
// 83h NAA logical-unit designator (lower-case hex, the spelling device/identity.h compares). The SCSI
// suite uses it before it writes to an LU other than the DUT: only an LU whose identity the operator
// allowed (the station's allow_data_loss_other_lus) is written, whatever path leads to it.
#pragma once

#include <cstdint>
#include <span>

#include "dut/dut_description.h"
#include "scsi/initiator.h"

namespace dextqual::scsi {

// From the two pages' bytes (headers included); a page that is absent or malformed leaves its field
// empty.
[[nodiscard]] DutIdentity identity_from_vpd(std::span<const uint8_t> vpd80, std::span<const uint8_t> vpd83);

// INQUIRY EVPD 80h and 83h on `lu`; a page the LU does not answer with GOOD leaves its field empty.
[[nodiscard]] DutIdentity read_lu_identity(Initiator& lu);

}  // namespace dextqual::scsi
