// The HTML rendering: one self-contained file (inline SVG, no CSS, no script, no external asset) for
// the person who opens the CI artifact: what ran on which device, the counts, the failures first —
// grouped by cause, each with a picture of what went wrong and its assertion text one click away —
// the WARNs with their warnings, then the charts (throughput against transfer size, the selftest
// matrix) and every result.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "reports/report.h"

namespace dextqual::reports {

[[nodiscard]] std::string render_html(const Report& report);
[[nodiscard]] Status write_html(const std::filesystem::path& path, const Report& report);

}  // namespace dextqual::reports
