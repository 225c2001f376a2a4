// Inline SVG charts for the HTML report, drawn from the report model only (no scripts, no external
// assets, so the file opens anywhere, including an air-gapped lab):
//   - throughput against transfer size, one line per series, from measurements named
//     "throughput_mib_s.<series>.<transfer bytes>" (MiB/s) or, as suites/perf records them,
//     "throughput_MBps_<rw>_<fio block size>_qd<N>" (MB/s); log2 x axis;
//   - the selftest matrix, profiles x suites, each cell green (as declared) or red.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::reports {

struct ThroughputPoint {
  double transfer_bytes = 0;
  double mib_per_s = 0;
};

// By series ("read", "write", or "<suite>/<series>" when several tests measured it).
[[nodiscard]] std::map<std::string, std::vector<ThroughputPoint>> throughput_series(const Report& report);

// Empty when there is nothing to draw.
[[nodiscard]] std::string throughput_chart_svg(
    const std::map<std::string, std::vector<ThroughputPoint>>& series);
[[nodiscard]] std::string selftest_matrix_svg(const std::vector<SelftestRow>& rows);

// "512.5": one decimal, for SVG coordinates and labels.
[[nodiscard]] std::string svg_number(double value);
// "64K", "1M", "66048" (whole units only; a size between units keeps its decimals: "64.5K").
[[nodiscard]] std::string size_label(double bytes);

// &, <, >, " and ' escaped, after xml_safe(): safe in HTML text and attributes.
[[nodiscard]] std::string html_escape(std::string_view text);

// A verdict cell's background, as a presentation attribute: the reports use no CSS at all, because
// Jenkins serves artifacts with "sandbox; default-src 'none'; img-src 'self'; style-src 'self';",
// which drops <style> elements and style="" attributes (bgcolor and SVG fill/stroke still apply).
[[nodiscard]] const char* verdict_colour(Verdict verdict);

}  // namespace dextqual::reports
