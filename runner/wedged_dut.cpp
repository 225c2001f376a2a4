#include "runner/wedged_dut.h"

namespace dextqual::runner {

std::string wedge_reason(const std::string& suite, const LaunchEnd& end) {
  const auto& outcome = end.outcome;
  const std::string where = end.interrupted ? suite + " :: " + *end.interrupted : suite + " outside any test";
  return "the " + suite + " suite binary (pid " + std::to_string(outcome.pid) +
         ") did not exit after SIGKILL during " + where + ": " + outcome.stuck.describe();
}

reports::TestResult not_run_on_wedged_dut(const std::string& suite, const std::string& test,
                                          const std::string& reason) {
  reports::TestResult result;
  result.suite = suite;
  result.name = test;
  result.verdict = reports::Verdict::device_lost;
  result.kind = "device-lost";
  result.message = "not run: DUT wedged: " + reason;
  result.detail = result.message;
  return result;
}

}  // namespace dextqual::runner
