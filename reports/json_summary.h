// The JSON summary of a run (schema "dextqual-report/1"): run and DUT identity, counts (passed,
// failed, skipped, expected_failures, warnings: they add up to the tests), every result, and,
// flattened for tools that only want them, every integrity finding (with LBA and class), every
// measured figure, every warning, and the command histogram where a trace exists
// ("command_histogram"). Logs are left out (they are in the log files it names); failure text is kept.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "reports/report.h"

namespace dextqual::reports {

[[nodiscard]] nlohmann::json render_json_summary(const Report& report);
[[nodiscard]] Status write_json_summary(const std::filesystem::path& path, const Report& report);

}  // namespace dextqual::reports
