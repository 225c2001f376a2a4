// The report model as JSON, both ways. The runner's journal stores each finished test in this form
// (so a resumed run rebuilds exactly the results it had), and the JSON summary is made of it.
// Strings are stored as given; invalid UTF-8 is repaired when a document is dumped.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "reports/report.h"

namespace dextqual::reports {

[[nodiscard]] nlohmann::json to_json(const TestResult& test);
[[nodiscard]] Result<TestResult> test_from_json(const nlohmann::json& json);

[[nodiscard]] nlohmann::json to_json(const RunInfo& run);
[[nodiscard]] RunInfo run_from_json(const nlohmann::json& json);

[[nodiscard]] nlohmann::json to_json(const DutInfo& dut);
[[nodiscard]] DutInfo dut_from_json(const nlohmann::json& json);

[[nodiscard]] nlohmann::json to_json(const SelftestRow& row);
[[nodiscard]] SelftestRow selftest_row_from_json(const nlohmann::json& json);

// An integrity finding from the JSON suites/lib/integrity writes ("class", "first_lba", ...).
[[nodiscard]] IntegrityFinding finding_from_json(const nlohmann::json& json);

// dump() that never throws on invalid UTF-8 (it is replaced with U+FFFD).
[[nodiscard]] std::string dump_safely(const nlohmann::json& json, int indent = -1);

}  // namespace dextqual::reports
