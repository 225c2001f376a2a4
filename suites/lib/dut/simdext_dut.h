// Builds the DUT description of a running simdext from the description it writes into its state
// directory (`<state>/simdext.json`, schema "simdext/1"). Reading that file is part of the
// control-socket contract, not shared SCSI code: the suites still learn everything SCSI by asking
// the device.
#pragma once

#include <string>

#include "core/result.h"
#include "dut/dut_description.h"

namespace dextqual {

// The whole simdext.json is kept under dut.extra["simdext"] (targets, constraints, volatile cache).
[[nodiscard]] Result<DutDescription> dut_from_simdext(const std::string& state_dir);

}  // namespace dextqual
