// `dextqual diff A B [--threshold PCT] [--json]`: what changed from run A to run B (report directories
// or summary.json paths) — verdicts, measurements beyond the threshold, identity, published limits,
// protocol characteristics, run properties and, where both runs had simdext as the DUT, the commands
// the device received (reports/run_diff.h). Text with headed sections by default, JSON with --json.
// Exit codes: 0 no verdict regression, 1 regressions, 2 bad input (one line naming the file).
#pragma once

#include <ostream>
#include <string>

namespace dextqual::runner {

struct DiffOptions {
  std::string a, b;
  double threshold_percent = 10;
  bool json = false;
};

[[nodiscard]] int diff_command(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dextqual::runner
