// `dextqual selftest`: the suite proves itself (STYLE.md rule 10, issue 13 §1). For every fault profile
// in fixtures/faults/ it runs every suite, --quick, against simdext with that profile and judges the
// run strictly (selftest_judge.h): each claim is caught with its verdict and message, every other test
// that does not pass is the profile's declared collateral or one of clean.toml's allowed skips, and
// clean passes everything. Prints the matrix (profiles x suites), writes selftest.json / selftest.xml
// (JUnit) / selftest.html, and exits 0 only when every row matches. `--field-report-table` prints the
// README's field-report table from the profiles' claims instead (a CTest keeps the README equal to it).
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
  bool field_report_table = false;    // print the README's table from the claims and stop
  double timeout_per_test_s = 300;
};

[[nodiscard]] int selftest_command(const SelftestOptions& options, const Installation& installation,
                                   const SignalStop& signals);

}  // namespace dextqual::runner
