#include "runner/repeat_runs.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "runner/exit_status.h"

namespace dextqual::runner {
namespace {

TEST(RepeatRuns, EachIterationHasItsOwnReportAndStateDirectory) {
  RunOptions options;
  options.report_dir = "out";
  options.state_dir = "/var/lib/dq/state";
  const auto third = iteration_options(options, 3);
  EXPECT_EQ(third.report_dir, "out/repeat-3");
  EXPECT_EQ(third.state_dir, "/var/lib/dq/state/repeat-3");
  EXPECT_EQ(third.attachment_prefix, "out/repeat-3/");
  options.state_dir.clear();
  EXPECT_TRUE(iteration_options(options, 1).state_dir.empty());  // default: <report-dir>/repeat-1/state
}

TEST(RepeatRuns, UntilFailStopsAtTheFirstFailureAndRepeatAtN) {
  std::string why;
  EXPECT_TRUE(continue_after({5, false}, {2, kTestFailures, {}}, why));
  EXPECT_FALSE(continue_after({5, false}, {5, kAllPassed, {}}, why));
  EXPECT_FALSE(continue_after({5, true}, {2, kTestFailures, {}}, why));
  EXPECT_NE(why.find("--until-fail: iteration 2 exited 1"), std::string::npos) << why;
  EXPECT_TRUE(continue_after({kUntilFailBound, true}, {99, kAllPassed, {}}, why));
  EXPECT_FALSE(continue_after({kUntilFailBound, true}, {100, kAllPassed, {}}, why));
  EXPECT_FALSE(continue_after({5, false}, {1, kUsageError, {}}, why));
  EXPECT_FALSE(continue_after({5, false}, {1, kRebootPending, {}}, why));
}

TEST(RepeatRuns, TheExitCodeIsTheWorstIterations) {
  EXPECT_EQ(worst_exit_code({{1, 0, {}}, {2, 1, {}}, {3, 0, {}}}), kTestFailures);
  EXPECT_EQ(worst_exit_code({{1, 1, {}}, {2, 3, {}}}), kHarnessError);
  EXPECT_EQ(worst_exit_code({{1, 0, {}}}), kAllPassed);
  EXPECT_EQ(worst_exit_code({{1, 3, {}}, {2, 4, {}}}), kRebootPending);
}

TEST(RepeatRuns, TheCombinedSummaryListsEachIterationsFailures) {
  const auto dir = std::filesystem::temp_directory_path() / ("dq-repeat-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "repeat-1");
  std::ofstream(dir / "repeat-1" / "summary.json")
      << R"({"counts": {"passed": 3, "failed": 1}, "tests": [{"suite": "rawio", "name": "A.B", "failure": true},
             {"suite": "rawio", "name": "A.C", "failure": false}]})";
  const auto summary = repeat_summary({{1, 1, dir / "repeat-1"}, {2, 3, dir / "repeat-2"}}, "why");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(summary.at("schema"), "dextqual-repeat/1");
  EXPECT_EQ(summary.at("exit_code"), 3);
  EXPECT_EQ(summary.at("iterations").at(0).at("failed"), nlohmann::json::array({"rawio :: A.B"}));
  EXPECT_EQ(summary.at("iterations").at(0).at("counts").at("passed"), 3);
  EXPECT_FALSE(summary.at("iterations").at(1).contains("counts"));  // no summary.json: nothing invented
}

}  // namespace
}  // namespace dextqual::runner
