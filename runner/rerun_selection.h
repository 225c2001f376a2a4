// `--rerun-failed <summary.json>` (issue 14 §3): a run of exactly the tests that failed in an earlier
// run, read from its summary.json (reports/json_summary.h: "tests", each with suite, name and verdict
// label). Failed means a verdict with the failure flag (FAIL, XPASS, TIMEOUT, UNRESOLVED, DEVICE-LOST,
// ERROR). A failed placeholder of a whole binary ("[listing]", "[harness]") selects that whole suite;
// the coverage gate's own checks (suite "dextqual") are not tests and are not rerun.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "runner/exit_status.h"
#include "runner/run_options.h"

namespace dextqual::runner {

struct RerunSelection {
  std::map<std::string, std::vector<std::string>> tests;  // by suite; empty: the whole suite
};

// Usage error (exit 2) when the file is unreadable or not a dextqual summary, or when nothing failed.
[[nodiscard]] CommandResult<RerunSelection> read_rerun_selection(const std::filesystem::path& summary);
[[nodiscard]] CommandResult<RerunSelection> rerun_selection_of(const nlohmann::json& summary,
                                                               const std::string& source);

// Narrows `options` to the selection: --suites becomes its suites (those of them --suites named, when it
// named any), each suite's filter its failed tests. Usage error when --suites leaves none.
[[nodiscard]] CommandResult<RunOptions> narrowed_to(RunOptions options, const RerunSelection& selection);

}  // namespace dextqual::runner
