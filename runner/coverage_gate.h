// The coverage gate (issue 14 §3): a run that cannot go green by skipping. `--require destructive,...`
// fails the run when a required capability (contract/capabilities.h) was not covered — a test skipped
// for want of it, or no test in the run exercised it at all — and `--max-skips N` when more than N tests
// skipped. Each check becomes one testcase of the pseudo-suite "dextqual" (classname
// "dextqual.coverage", e.g. "require destructive"), passed or failed with the reason, so junit.xml shows
// red where a CI system looks, summary.json lists it, and the exit code follows from the failure.
#pragma once

#include <string>
#include <vector>

#include "reports/report.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

inline constexpr const char* kGateSuite = "dextqual";  // the pseudo-suite of the gate's testcases

struct CoverageRequirements {
  std::vector<std::string> capabilities;  // --require, validated
  int max_skips = -1;                     // --max-skips; -1: no limit
  [[nodiscard]] bool empty() const { return capabilities.empty() && max_skips < 0; }
};

struct GateCheck {
  std::string name;  // "coverage.require destructive", "coverage.max-skips 10"
  bool passed = false;
  std::string reason;  // one line: "coverage gate: required capability 'destructive' not covered: ..."
  std::string detail;  // the skipped tests and their reasons
};

// Usage error (naming the known capabilities) when a name is not one of contract::capabilities().
[[nodiscard]] CommandResult<std::vector<std::string>> parse_capabilities(
    const std::vector<std::string>& names);

// The gate's checks over a finished run's report (the gate's own testcases are ignored).
[[nodiscard]] std::vector<GateCheck> evaluate_coverage_gate(const reports::Report& report,
                                                            const CoverageRequirements& required);

// A check as the testcase the reports show.
[[nodiscard]] reports::TestResult gate_result(const GateCheck& check);

}  // namespace dextqual::runner
