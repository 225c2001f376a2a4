#include "runner/diff_command.h"

#include "reports/report_json.h"
#include "reports/run_diff.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

int diff_command(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  const auto runs = reports::load_runs({options.a, options.b});
  if (!runs) {
    err << "dextqual diff: " << runs.error().message() << "\n";
    return kUsageError;
  }
  const auto diff = reports::diff_runs((*runs)[0], (*runs)[1], options.threshold_percent);
  if (options.json) {
    out << reports::dump_safely(reports::to_json(diff), 2) << "\n";
  } else {
    out << reports::render_diff_text(diff, options.threshold_percent);
  }
  return diff.regressions.empty() ? kAllPassed : kTestFailures;
}

}  // namespace dextqual::runner
