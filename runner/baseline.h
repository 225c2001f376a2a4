// --baseline: what changed since an earlier run (its summary.json). A CI job that qualifies every
// driver build wants to see "these passed last time and fail now" before anything else.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::runner {

struct BaselineComparison {
  std::vector<std::string> regressions;  // passed in the baseline, fail now ("suite :: test")
  std::vector<std::string> fixed;        // failed in the baseline, pass now
  std::string problem;                   // the baseline could not be read
};

[[nodiscard]] BaselineComparison compare_with_baseline(const std::filesystem::path& baseline,
                                                       const reports::Report& now);

}  // namespace dextqual::runner
