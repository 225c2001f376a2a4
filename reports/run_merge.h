// Many runs, one answer: a run read back from its summary.json (schema "dextqual-report/1") with a
// readable label, and the merged reports of several runs — one JUnit file with a <testsuite> per
// (run, suite), an HTML matrix of tests x runs, and a summary.json of schema "dextqual-merge/1".
// Used by `dextqual merge` and by anything else that folds runs together (a soak run's iterations).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/report.h"

namespace dextqual::reports {

struct LoadedRun {
  std::filesystem::path summary;  // the summary.json it was read from
  std::string label;              // "station-a:SIMDEXT RAID0 [clean]", unique among the merged runs
  Report report;
};

// Reads a run from a report directory holding summary.json, or from the summary.json path itself.
// An error names the file and says what is wrong with it (missing, not JSON, another schema).
[[nodiscard]] Result<LoadedRun> load_run(const std::filesystem::path& dir_or_summary);

// Every run of `paths`, in order, labels made unique; the first that cannot be read is the error.
[[nodiscard]] Result<std::vector<LoadedRun>> load_runs(const std::vector<std::filesystem::path>& paths);

// "<station or host>:<DUT product or kind> [<simdext profile or run id>]".
[[nodiscard]] std::string run_label(const Report& report);
// Makes labels unique in place: a repeated label gets its run id, then " #2", " #3" ...
void make_labels_unique(std::vector<LoadedRun>& runs);

// The row key of the matrix: "rawio :: TransferSize.Sweep".
[[nodiscard]] std::string test_key(const TestResult& test);

// summary.json of a merge: {"schema":"dextqual-merge/1","runs":[...],"tests":[...],"matrix":{...}}.
[[nodiscard]] nlohmann::json render_merge_summary(const std::vector<LoadedRun>& runs);

// Writes junit.xml, report.html and summary.json of `runs` into `out_dir` (created when missing).
[[nodiscard]] Status write_merged_reports(const std::vector<LoadedRun>& runs,
                                          const std::filesystem::path& out_dir);

// 0 when every run passed, 1 when any test failed in any run (the merge's exit code).
[[nodiscard]] int merged_exit_code(const std::vector<LoadedRun>& runs);

}  // namespace dextqual::reports
