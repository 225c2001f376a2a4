// From the DUT description to a transport and an initiator aimed at the DUT's LU: the one place
// that knows which PassthroughKind needs which transport.
#pragma once

#include <memory>

#include "core/result.h"
#include "dut/dut_description.h"
#include "scsi/initiator.h"
#include "scsi/transport.h"

namespace dextqual::scsi {

[[nodiscard]] Result<std::unique_ptr<Transport>> make_transport(const DutDescription& dut);
[[nodiscard]] Result<Initiator> make_initiator(const DutDescription& dut);

// The targets/LUNs simdext.json configures (dut.extra["simdext"]["targets"]); empty otherwise.
[[nodiscard]] std::vector<Address> configured_addresses(const DutDescription& dut);

}  // namespace dextqual::scsi
