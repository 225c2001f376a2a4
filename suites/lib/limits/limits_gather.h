// Gathers the transfer limits of the DUT from every source this platform has (the one entry point of
// the limits concept): simdext's constraints when the DUT is simdext, then the platform's own sources
// (Linux: sysfs queue limits; macOS: IORegistry through `ioreg -a` and DKIOCGETMAX*). A source that
// cannot be read becomes a note in the report, not a failure: the checker works with what there is.
#pragma once

#include <string>

#include "core/result.h"
#include "dut/dut_description.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

[[nodiscard]] Result<LimitsReport> gather_limits(const DutDescription& dut);

// One line per source that was read, with its key values, for logs and reports.
[[nodiscard]] std::string describe_sources(const LimitsReport& report);

// Implemented once per OS under platform/<os>/limits_platform.cpp.
void gather_platform_limits(const DutDescription& dut, LimitsReport& report);

}  // namespace dextqual::limits
