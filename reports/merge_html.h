// The HTML of a merge (`dextqual merge`): who ran what (station, host, DUT, profile, version, start,
// counts per run), then the matrix — tests as rows, runs as columns, each cell its verdict, a failing
// cell a link to its failure's cause, message, assertion text and reproducer further down. Same rules
// as html_report.h: one self-contained file, no CSS and no script (Jenkins' Content-Security-Policy
// drops both); colour comes from presentation attributes (bgcolor).
#pragma once

#include <string>
#include <vector>

#include "reports/run_merge.h"

namespace dextqual::reports {

[[nodiscard]] std::string render_merge_html(const std::vector<LoadedRun>& runs);

}  // namespace dextqual::reports
