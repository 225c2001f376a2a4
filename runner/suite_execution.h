// Runs the planned tests of one suite binary as isolated children (STYLE.md rule 7, ARCHITECTURE.md
// "How a run flows" step 4) and turns whatever happens into one result per planned test:
//   - the binary runs with --gtest_filter for the tests still to run, its own XML file and
//     TEST_PREMATURE_EXIT_FILE, and the DUT arguments;
//   - its stdout is followed (GtestProgress) so each result is reported the moment it is printed and
//     a crash or a hang is blamed on the test that was running;
//   - a per-test watchdog ends a hung test (SIGTERM, grace, SIGKILL to the group): TIMEOUT;
//   - a binary still there abandon_after after SIGKILL is stuck in the kernel on the DUT: it is
//     abandoned, the DUT is wedged and the suite stops there (wedged_dut.h);
//   - after a crash or a timeout the binary is relaunched for the tests it had not reached;
//   - a binary that exits without running what it was asked to leaves those tests UNRESOLVED, and a
//     non-zero exit that no test explains becomes an UNRESOLVED "[harness]" entry;
//   - when the DUT is gone after a failure the test is DEVICE-LOST and the suite stops there;
//   - a test named "...Phase<N>..." with N >= 2 starts a new launch, after the runner had its chance to
//     honour a reboot request of the phase before (the reboot contract, reboot_contract.h): a reboot
//     splits the plan in two.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::runner {

struct SuiteExecutionSpec {
  std::string suite;
  std::filesystem::path binary;
  std::vector<std::string> extra_args;  // --dut=<state>/dut.json
  std::map<std::string, std::string> env;
  std::chrono::milliseconds per_test_timeout{std::chrono::minutes(10)};
  std::chrono::milliseconds grace{std::chrono::seconds(10)};
  std::chrono::milliseconds abandon_after{std::chrono::seconds(5)};  // after SIGKILL (wedged_dut.h)
  std::filesystem::path work_dir;      // XML and premature-exit files of each launch
  std::filesystem::path log_dir;       // per-test logs and the raw log of each launch
  std::filesystem::path findings_dir;  // $DEXTQUAL_FINDINGS_DIR for the tests (integrity findings)
  std::string log_dir_in_report;       // log_dir as the reports name it ("logs/rawio")
  std::string reproducer_prefix;       // the command a --gtest_filter=<test> is appended to
  std::stop_token stop;
};

struct SuiteExecutionEvents {
  std::function<void(const std::string& test)> started;
  // Once per planned test; may come a second time for the same test with details from the XML.
  std::function<void(const reports::TestResult& result)> finished;
  std::function<bool()> device_present;  // asked after a failure, crash or timeout
  std::function<void(const std::string& line)> note;
  // Between two launches (and after the last): where the runner honours a reboot request. False: the
  // host is going down for a reboot, launch nothing more (the run continues at boot).
  std::function<bool()> between_launches;
};

struct SuiteExecutionEnd {
  std::vector<std::string> not_run;  // planned tests left when the DUT was lost or the run stopped
  bool device_lost = false;
  std::string device_lost_in;  // "rawio :: TransferSize.Sweep"
  bool stopped = false;
  std::string wedged;  // why the DUT is wedged (a binary SIGKILL did not end); empty when it is not
};

[[nodiscard]] SuiteExecutionEnd execute_suite(const SuiteExecutionSpec& spec,
                                              const std::vector<std::string>& tests,
                                              const SuiteExecutionEvents& events);

}  // namespace dextqual::runner
