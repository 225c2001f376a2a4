#include "runner/diff_command.h"

#include "reports/report_json.h"
#include "reports/run_diff.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

int diff_command(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<reports::LoadedRun> runs;
  for (const auto& path : {options.a, options.b}) {
    auto run = reports::load_run(path);
    if (!run) {
      err << "dextqual diff: " << run.error().message() << "\n";
      return kUsageError;
    }
    runs.push_back(std::move(*run));
  }
  reports::make_labels_unique(runs);
  const auto diff = reports::diff_runs(runs[0], runs[1], options.threshold_percent);
  if (options.json) {
    out << reports::dump_safely(reports::to_json(diff), 2) << "\n";
  } else {
    out << reports::render_diff_text(diff, options.threshold_percent);
  }
  return diff.regressions.empty() ? kAllPassed : kTestFailures;
}

}  // namespace dextqual::runner
