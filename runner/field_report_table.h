// The README's "What catches each field report" table, generated from the fault profiles' claims so
// that it cannot drift from what `dextqual selftest` proves (CTest `readme_field_report_table`
// compares the README with `dextqual selftest --field-report-table`).
#pragma once

#include <string>
#include <vector>

#include "runner/selftest_spec.h"

namespace dextqual::runner {

// A Markdown table: field report, profile, and each claim as `suite:pattern` VERDICT "message".
// Profiles without claims (clean and its large-media variants) are left out.
[[nodiscard]] std::string field_report_table(const std::vector<SelftestSpec>& profiles);

}  // namespace dextqual::runner
