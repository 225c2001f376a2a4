// The one vocabulary of results (after LLVM lit, STYLE.md): every test of a run ends as exactly one
// Verdict, each with a label for people and a failure flag for the exit code. Nothing is counted as a
// pass by omission: a test the harness could not decide is UNRESOLVED, never missing.
#pragma once

#include <optional>
#include <string_view>

namespace dextqual::reports {

enum class Verdict {
  pass,
  warn,         // passed every *shall* check but deviated from a *should* of SPC-4/SBC-3/SAM-5: the
                // test recorded warnings (TestResult::warnings()); worth reading, never a failure
  fail,         // an explicit check failed
  skipped,      // not run, with the reason (requirement unmet, filtered by a guard, device lost before)
  xfail,        // failed, and the per-DUT expectations file says it should
  xpass,        // passed although the expectations file says it should fail: the file is stale
  timeout,      // the runner's watchdog ended it; no verdict from the test itself
  unresolved,   // the harness could not decide: listing failed, zero tests ran, results unreadable
  device_lost,  // the DUT disappeared during this test; later device tests are skipped
  error,        // crashed, killed, or the runner stopped during it (no verdict reached)
};

[[nodiscard]] std::string_view label(Verdict verdict);  // "PASS", "WARN", "DEVICE-LOST", ...
[[nodiscard]] bool is_failure(Verdict verdict);
[[nodiscard]] std::optional<Verdict> verdict_from_label(std::string_view label);

}  // namespace dextqual::reports
