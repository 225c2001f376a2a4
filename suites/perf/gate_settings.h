// Where the throughput gate finds its baseline and threshold. The environment wins over dut.json, so a
// CI job can gate one run without rewriting the station's DUT description:
//   baseline:  $DEXTQUAL_BASELINE, else dut.json key "baseline" (a path to a previous perf-summary.json
//              or a KEXT run's); none -> the gate test is skipped with that reason.
//   threshold: $DEXTQUAL_PERF_THRESHOLD, else dut.json key "perf_threshold_percent"; default 5 (%).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace dextqual::perf {

struct GateSettings {
  std::string baseline_path;  // empty: no baseline
  double threshold = 0.05;    // fraction
  std::string baseline_from;  // "$DEXTQUAL_BASELINE" or "dut.json baseline", for messages
};

// `env_baseline`/`env_threshold` are the environment values (nullptr when unset).
[[nodiscard]] Result<GateSettings> gate_settings(const nlohmann::json& dut_extra, const char* env_baseline,
                                                 const char* env_threshold);

}  // namespace dextqual::perf
