// The plan of a run: which suite binaries, which of their tests, in which order. Tests are listed by
// the binaries themselves; a binary that cannot be listed, or lists nothing, is planned as one
// "[listing]" test with an UNRESOLVED result, and disabled tests are planned with a SKIPPED result,
// so that everything the run could not do is in the report.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "reports/report.h"
#include "runner/exit_status.h"
#include "runner/run_options.h"
#include "runner/run_state.h"
#include "runner/suite_catalog.h"

namespace dextqual::runner {

struct RunPlan {
  std::vector<PlannedSuite> suites;
  std::vector<reports::TestResult> preset;  // results known before anything runs
};

// Usage error when --suites names a suite that does not exist or nothing matches --filter.
[[nodiscard]] CommandResult<RunPlan> make_plan(const std::vector<SuiteBinary>& available,
                                               const RunOptions& options,
                                               const std::vector<std::string>& list_args,
                                               const std::filesystem::path& work_dir);

}  // namespace dextqual::runner
