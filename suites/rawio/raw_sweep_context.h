// What every raw I/O test shares: the DUT's raw session, the limits analysis (so a failure can say
// whether the published limits predicted it), and the conversion of a checked transfer into a sweep
// point for the summary.
#pragma once

#include "platform/limits_checker.h"
#include "rawio/checked_transfer.h"
#include "rawio/sweep_summary.h"

namespace dextqual::rawio {

// The analysis of the DUT's gathered limits; empty (no predictions) when they cannot be gathered.
[[nodiscard]] limits::Analysis analyze_dut_limits();

// The failed step of `transfer` as a sweep point, with the analysis' prediction attached.
[[nodiscard]] SweepPoint to_point(const CheckedTransfer& transfer, const limits::Analysis& analysis);

}  // namespace dextqual::rawio
