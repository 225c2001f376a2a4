// `dextqual selftest`: the suite proves itself (STYLE.md rule 10). For every fault profile in
// fixtures/faults/ it runs the suites the profile's [selftest] detected_by names (every suite for
// clean.toml) against simdext with that profile, --quick, and checks: every detected_by entry
// ("suite:gtest-filter") is caught by at least one failing test, and clean.toml passes everything.
// Failures a profile does not declare are shown, not held against it. Prints the matrix
// (profiles x suites). A fault profile runs only the tests its claims select (unless --all-tests),
// which keeps the matrix within a CI budget; clean runs everything. Writes it into selftest.json /
// selftest.xml (JUnit) / selftest.html, and exits 0 only when every row matches. A profile's
// `[selftest] timeout_per_test` (seconds) lowers the per-test timeout for its run (a wedging profile
// is caught by a TIMEOUT).
#pragma once

#include <string>
#include <vector>

#include "runner/installation.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

struct SelftestOptions {
  std::string report_dir = "dextqual-selftest";
  std::vector<std::string> profiles;  // names or stems; empty: every profile
  std::vector<std::string> suites;    // restrict to these suites; empty: as declared
  bool all_suites = false;            // run every suite for every profile (slow)
  bool all_tests = false;             // run whole suites, not only the tests a profile claims (slow)
  double timeout_per_test_s = 300;
};

[[nodiscard]] int selftest_command(const SelftestOptions& options, const Installation& installation,
                                   const SignalStop& signals);

}  // namespace dextqual::runner
