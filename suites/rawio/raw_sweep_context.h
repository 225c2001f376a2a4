// What every raw I/O test shares: the DUT's raw session, the limits analysis (so a failure can say
// whether the published limits predicted it), and the conversion of a checked transfer into a sweep
// point for the summary.
#pragma once

#include <optional>

#include "limits/limits_checker.h"
#include "rawio/checked_transfer.h"
#include "rawio/sweep_summary.h"

namespace dextqual::rawio {

// The analysis of the DUT's gathered limits; empty (no predictions) when they cannot be gathered.
[[nodiscard]] limits::Analysis analyze_dut_limits();

// What the DUT's published limits allow `direction`'s requests (limits/limits_ceiling.h), for the
// F2 diagnosis from observation; nullopt when no published limit could be read.
[[nodiscard]] std::optional<limits::EffectiveLimit> published_limit(const limits::Analysis& analysis,
                                                                    limits::Direction direction);

// The failed step of `transfer` as a sweep point, with the analysis' prediction attached.
[[nodiscard]] SweepPoint to_point(const CheckedTransfer& transfer, const limits::Analysis& analysis);

}  // namespace dextqual::rawio
