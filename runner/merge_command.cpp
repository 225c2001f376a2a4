#include "runner/merge_command.h"

#include "reports/console_reporter.h"
#include "reports/run_merge.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

int merge_command(const MergeOptions& options, std::ostream& out, std::ostream& err) {
  auto loaded = reports::load_runs({options.runs.begin(), options.runs.end()});
  if (!loaded) {
    err << "dextqual merge: " << loaded.error().message() << "\n";
    return kUsageError;
  }
  const auto& runs = *loaded;
  if (auto written = reports::write_merged_reports(runs, options.report_dir); !written) {
    err << "dextqual merge: " << written.error().message() << "\n";
    return kHarnessError;
  }
  const int code = reports::merged_exit_code(runs);
  for (const auto& run : runs) {
    const auto counts = run.report.counts();
    out << "  " << run.label << ": " << reports::ConsoleReporter::summary_line(counts) << "\n";
  }
  out << "merged " << runs.size() << " runs into " << (options.report_dir / "junit.xml").string()
      << ", report.html, summary.json" << (code == kAllPassed ? "" : " (tests failed)") << "\n";
  return code;
}

}  // namespace dextqual::runner
