// Measures bandwidth and IOPS on the DUT's raw node with fio (fixtures/fio/throughput.fio): every
// combination of direction, transfer size and queue depth, each point a short time-based run. Measured
// once per suite process and shared by the tests that record and gate it.
#pragma once

#include <string>

#include "perf/perf_summary.h"

namespace dextqual::perf {

struct Measurement {
  PerfSummary summary;
  std::string error;  // a point that could not be measured: the fio failure, with its reproducer
};

// The grid: read/write x 4k/64k/1M (quick: 4k/1M) x QD 1/8/32 (quick: 1/32); libaio when it works,
// else psync at QD 1. Each point is the median of 3 two-second runs (quick: one one-second run).
[[nodiscard]] const Measurement& measure_once();

}  // namespace dextqual::perf
