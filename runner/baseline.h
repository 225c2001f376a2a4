// --baseline: what changed since an earlier run (its summary.json). A CI job that qualifies every
// driver build wants to see "these passed last time and fail now" before anything else.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::runner {

struct BaselineComparison {
  std::vector<std::string> regressions;  // passed in the baseline, fail now ("suite :: test")
  std::vector<std::string> fixed;        // failed in the baseline, pass now
  std::string problem;                   // the baseline could not be read
};

// Seconds each test took in the baseline, by "suite :: test" (the console's ETA); empty when unreadable.
[[nodiscard]] std::map<std::string, double> baseline_durations(const std::filesystem::path& baseline);

[[nodiscard]] BaselineComparison compare_with_baseline(const std::filesystem::path& baseline,
                                                       const reports::Report& now);

}  // namespace dextqual::runner
