// `dextqual merge RUN_DIR... --report-dir OUT`: many runs' summary.json (stations x DUTs x driver
// versions) folded into one junit.xml (a <testsuite> per run and suite, the run's label in front),
// one report.html (tests x runs) and one summary.json ("dextqual-merge/1"), so that one CI job can
// publish a whole lab's results. Exit codes: 0 every run passed, 1 a test failed in some run, 2 bad
// input (a missing or malformed summary.json, named in one line), 3 the reports could not be written.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dextqual::runner {

struct MergeOptions {
  std::vector<std::string> runs;  // report directories or summary.json paths
  std::filesystem::path report_dir = "dextqual-merge";
};

[[nodiscard]] int merge_command(const MergeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dextqual::runner
