// WARN from what a test recorded: a passed test with warnings (the properties "warning" and
// "warning.<n>", contract/run_contract.h; printed as "[dextqual warning] ..." lines too, so a test whose
// binary dies before writing its XML keeps them) is WARN — a *should* deviation, never a failure.
#pragma once

#include <string_view>

#include "reports/report.h"

namespace dextqual::runner {

// The "[dextqual warning] " lines of a test's output, as its properties warning.<n>, and its
// "[dextqual kernel errors expected] " line as that property (where the XML did not bring them already).
void record_printed_warnings(reports::TestResult& result, std::string_view output);

// PASS with warnings -> WARN: message the first warning (and how many more), detail every one.
void apply_warnings(reports::TestResult& result);

}  // namespace dextqual::runner
