#include "runner/suite_execution.h"

#include <algorithm>

#include "reports/text_safety.h"
#include "runner/suite_launch.h"
#include "runner/wedged_dut.h"

namespace dextqual::runner {
namespace {

using reports::Verdict;

// The verdict for the test a launch was running when the binary ended.
reports::TestResult interrupted_result(const SuiteExecutionSpec& spec, const LaunchEnd& end) {
  auto result = base_result(spec, *end.interrupted);
  result.seconds = end.interrupted_seconds;
  result.log = reports::head_and_tail(end.interrupted_output, 64 * 1024, result.log_file);
  const auto& outcome = end.outcome;
  if (end.stop_requested) {
    result.verdict = Verdict::error;
    result.kind = "aborted";
    result.message =
        "the run was stopped (SIGINT/SIGTERM) during this test; the binary " + outcome.describe();
  } else if (end.watchdog_fired) {
    result.verdict = Verdict::timeout;
    result.kind = "timeout";
    result.message = "no result within the per-test timeout of " +
                     std::to_string(spec.per_test_timeout.count() / 1000.0).substr(0, 6) + " s; the binary " +
                     outcome.describe();
  } else if (outcome.kind == process::OutcomeKind::signaled) {
    result.verdict = Verdict::error;
    result.kind = "crash";
    result.message = "the suite binary was " + outcome.describe() + " during this test";
  } else {
    result.verdict = Verdict::error;
    result.kind = "premature-exit";
    result.message = "the suite binary " + outcome.describe() + " during this test" +
                     (end.premature_exit ? " (GoogleTest's premature-exit file was left behind)" : "");
  }
  if (outcome.kind == process::OutcomeKind::abandoned) result.message += "; the DUT is marked wedged";
  result.detail = result.message + "\n\nOutput of the test up to that point:\n" + result.log;
  return result;
}

reports::TestResult unresolved(const SuiteExecutionSpec& spec, const std::string& test, std::string message,
                               const std::string& log) {
  auto result = base_result(spec, test);
  result.verdict = Verdict::unresolved;
  result.kind = "unresolved";
  result.message = std::move(message);
  result.log = log;
  result.detail = result.message + (log.empty() ? "" : "\n\nEnd of the binary's output:\n" + log);
  return result;
}

// The binary outlived SIGKILL: it sleeps in the kernel on the DUT, which is wedged. Its test gets
// its verdict (TIMEOUT, or aborted when the runner was stopping) and nothing more runs here.
SuiteExecutionEnd wedged_end(const SuiteExecutionSpec& spec, const LaunchEnd& end,
                             std::vector<std::string> remaining, const SuiteExecutionEvents& events) {
  if (end.interrupted) {
    events.finished(interrupted_result(spec, end));
  } else {
    events.finished(unresolved(
        spec, "[harness]",
        "the suite binary " + end.outcome.describe() + " outside any test; the DUT is marked wedged",
        end.log_tail));
  }
  SuiteExecutionEnd result;
  result.wedged = wedge_reason(spec.suite, end);
  result.stopped = end.stop_requested;
  result.not_run = std::move(remaining);
  return result;
}

bool check_device(const SuiteExecutionEvents& events) {
  return !events.device_present || events.device_present();
}

// "Reboot.Phase2VerifyAfterRestart" -> true: a later phase must start in a fresh launch.
bool starts_a_phase(const std::string& test) {
  const auto at = test.find("Phase");
  return at != std::string::npos && at + 5 < test.size() && test[at + 5] >= '2' && test[at + 5] <= '9';
}

// The tests up to (not including) the next later-phase test after the first.
std::vector<std::string> next_segment(const std::vector<std::string>& remaining) {
  std::vector<std::string> segment;
  for (const auto& test : remaining) {
    if (!segment.empty() && starts_a_phase(test)) break;
    segment.push_back(test);
  }
  return segment;
}

}  // namespace

SuiteExecutionEnd execute_suite(const SuiteExecutionSpec& spec, const std::vector<std::string>& tests,
                                const SuiteExecutionEvents& events) {
  SuiteExecutionEnd result;
  std::vector<std::string> remaining = tests;
  std::error_code ec;
  std::filesystem::create_directories(spec.work_dir, ec);
  std::filesystem::create_directories(spec.log_dir, ec);
  if (!spec.findings_dir.empty()) std::filesystem::create_directories(spec.findings_dir, ec);
  bool harness_reported = false;
  bool host_going_down = false;
  for (int launch = 1; !remaining.empty() && !host_going_down; ++launch) {
    const auto launched = next_segment(remaining);
    const auto end = launch_suite(spec, launched, launch, events);
    if (events.between_launches) host_going_down = !events.between_launches();
    std::erase_if(remaining,
                  [&](const std::string& t) { return end.finished.contains(t) || end.interrupted == t; });

    if (end.outcome.kind == process::OutcomeKind::failed_to_start) {
      for (const auto& test : remaining) {
        events.finished(
            unresolved(spec, test, "could not start the suite binary: " + end.outcome.start_error, ""));
      }
      return result;
    }
    if (end.outcome.kind == process::OutcomeKind::abandoned) return wedged_end(spec, end, remaining, events);
    if (end.device_lost_in) {
      if (end.interrupted) remaining.insert(remaining.begin(), *end.interrupted);  // stopped by us, not run
      result.device_lost = true;
      result.device_lost_in = spec.suite + " :: " + *end.device_lost_in;
      result.not_run = remaining;
      return result;
    }
    bool lost = false;
    if (end.interrupted) {
      auto interrupted = interrupted_result(spec, end);
      if (!end.stop_requested && !check_device(events)) {
        interrupted.verdict = Verdict::device_lost;
        interrupted.kind = "device-lost";
        interrupted.message = "the DUT disappeared; " + interrupted.message;
        lost = true;
      }
      events.finished(interrupted);
    }
    if (lost) {
      result.device_lost = true;
      result.device_lost_in = spec.suite + " :: " + *end.interrupted;
      result.not_run = remaining;
      return result;
    }
    if (end.stop_requested) {
      result.stopped = true;
      result.not_run = remaining;
      return result;
    }
    const bool explained = end.any_failed || end.interrupted;
    const bool clean_exit = end.outcome.kind == process::OutcomeKind::exited &&
                            (end.outcome.exit_code == 0 || (end.outcome.exit_code == 1 && end.any_failed));
    if (!explained && !clean_exit && !harness_reported) {
      // A non-zero exit, a signal or a hang that no test result accounts for: a failing global
      // SetUp, a crash at exit, an unreadable --dut (exit 2). It must not vanish (JUNIT.md §4).
      harness_reported = true;
      events.finished(
          unresolved(spec, "[harness]",
                     "the suite binary " + end.outcome.describe() +
                         (end.watchdog_fired ? " (no test started within the per-test timeout)" : "") +
                         " outside any test",
                     end.log_tail));
    }
    if (end.interrupted) {
      // A crash, a hang or an exit() inside a test: the tests after it deserve a chance.
      if (!remaining.empty() && events.note) {
        events.note("relaunching " + spec.suite + " for the " + std::to_string(remaining.size()) +
                    " remaining tests after " + *end.interrupted);
      }
      continue;
    }
    // The binary ended on its own: what it was asked to run and did not is UNRESOLVED.
    const auto why = end.finished.empty()
                         ? "the suite binary ran no tests and " + end.outcome.describe()
                         : "the suite binary " + end.outcome.describe() + " without running this test";
    for (const auto& test : launched) {
      if (std::find(remaining.begin(), remaining.end(), test) != remaining.end()) {
        events.finished(unresolved(spec, test, why, end.log_tail));
      }
    }
    std::erase_if(remaining, [&](const std::string& t) {
      return std::find(launched.begin(), launched.end(), t) != launched.end();
    });
    if (remaining.empty()) return result;
  }
  if (host_going_down) {
    result.stopped = true;
    result.not_run = remaining;
  }
  return result;
}

}  // namespace dextqual::runner
