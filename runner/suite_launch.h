// One launch of a suite binary for a list of tests, watched test by test (see suite_execution.h for
// the whole policy). Reports each test result as it is printed and says how the launch ended: which
// test, if any, was running when the binary died, and why it died.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "process/child_process.h"
#include "runner/suite_execution.h"

namespace dextqual::runner {

struct LaunchEnd {
  process::ChildOutcome outcome;
  std::set<std::string> finished;          // tests with a result from this launch
  std::optional<std::string> interrupted;  // the test running when the binary ended
  double interrupted_seconds = 0;
  std::string interrupted_output;
  bool watchdog_fired = false;                // the per-test (or between-tests) timeout ended the launch
  bool stop_requested = false;                // the runner is stopping (SIGINT/SIGTERM)
  bool premature_exit = false;                // TEST_PREMATURE_EXIT_FILE was left behind
  bool any_failed = false;                    // a test of this launch failed (explains exit code 1)
  std::optional<std::string> device_lost_in;  // a failed test after which the DUT was gone
  std::string log_tail;                       // the end of the raw log, for harness-level results
};

[[nodiscard]] LaunchEnd launch_suite(const SuiteExecutionSpec& spec, const std::vector<std::string>& tests,
                                     int launch_number, const SuiteExecutionEvents& events);

// The result object every path fills in the same way: suite, name, log file, reproducer.
[[nodiscard]] reports::TestResult base_result(const SuiteExecutionSpec& spec, const std::string& test);

// Per-test log file name inside log_dir ("Prefix/Suite.Test/0" -> "Prefix_Suite.Test_0.log").
[[nodiscard]] std::string log_file_name(const std::string& test);

[[nodiscard]] std::string utc_now();

}  // namespace dextqual::runner
