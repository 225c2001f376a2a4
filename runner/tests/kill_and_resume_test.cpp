// SIGKILL the runner at many moments of a run (JUNIT.md §4, issue 6): whatever moment it dies, the
// JUnit file it leaves validates, and `dextqual resume` completes the run from the journal with every
// planned test reported exactly once — the one that was running as ERROR, the rest as they ran.
#include <gtest/gtest.h>

#include "runner/tests/runner_harness.h"

namespace dextqual::runner::testing {
namespace {

TEST(KillAndResume, SigkillAtManyPointsLeavesValidJunitAndAResumableJournal) {
  int resumed_runs = 0;
  for (const int delay_ms : {20, 120, 250, 400, 700, 1000, 1300, 1700, 2100, 2600, 3200, 4000}) {
    SCOPED_TRACE("killed after " + std::to_string(delay_ms) + " ms");
    const auto dir = scratch_dir("kill-" + std::to_string(delay_ms));
    const auto report = dir / "report";
    // The shell starts the runner, kills it with SIGKILL after the delay; the fake suite dies with it
    // (parent-death signal), as it would with a real suite.
    auto spec = dextqual_spec({});
    const auto run = process::quote_command(
        {DEXTQUAL_BINARY, "run", "--no-dut", "--suites", "fakeslow", "--report-dir", report.string()});
    spec.argv = {"/bin/sh", "-c",
                 run + " >/dev/null 2>&1 & pid=$!; sleep " + std::to_string(delay_ms / 1000.0) +
                     "; kill -KILL $pid; wait $pid; exit 0"};
    (void)process::run_child(spec);
    if (std::filesystem::exists(report / "junit.xml")) {
      EXPECT_EQ(read_run({}, report).junit_problems, "") << "after the kill";
    }
    const auto resumed = read_run(
        process::run_child(dextqual_spec({"resume", "--state", (report / "state").string()})), report);
    if (resumed.outcome.exit_code == 2) {
      // Killed before the run was journaled: nothing to resume, and nothing may claim otherwise.
      EXPECT_NE(resumed.console().find("nothing to resume"), std::string::npos) << resumed.console();
      continue;
    }
    ++resumed_runs;
    EXPECT_EQ(resumed.junit_problems, "") << resumed.console();
    ASSERT_TRUE(resumed.summary.is_object()) << resumed.console();
    EXPECT_EQ(resumed.summary["run"]["status"], "finished");
    EXPECT_EQ(resumed.summary["tests"].size(), 10u) << resumed.console();
    int errors = 0;
    for (int i = 0; i < 10; ++i) {
      const auto verdict = resumed.verdict("fakeslow", "Ten/Slow.Takes300ms/" + std::to_string(i));
      EXPECT_TRUE(verdict == "PASS" || verdict == "ERROR") << i << ": " << verdict;
      errors += verdict == "ERROR";
    }
    EXPECT_LE(errors, 1) << "only the test running at the kill may be an error";
    EXPECT_EQ(resumed.outcome.exit_code, errors == 0 ? 0 : 1);
  }
  EXPECT_GE(resumed_runs, 8) << "most kill points should fall inside the run";
}

}  // namespace
}  // namespace dextqual::runner::testing
