#include "reports/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

constexpr std::string_view kPrefix = "throughput_mib_s.";
constexpr std::string_view kPerfPrefix = "throughput_MBps_";  // suites/perf: <rw>_<bs>_qd<N>

// fio-style sizes: "4k", "128K", "1m" (binary multiples), or plain bytes.
double fio_size(std::string_view text) {
  char* end = nullptr;
  const std::string owned(text);
  double value = std::strtod(owned.c_str(), &end);
  if (end == owned.c_str()) return 0;
  switch (*end) {
    case 'k':
    case 'K':
      value *= 1024;
      ++end;
      break;
    case 'm':
    case 'M':
      value *= 1024 * 1024;
      ++end;
      break;
    case 'g':
    case 'G':
      value *= 1024.0 * 1024 * 1024;
      ++end;
      break;
    default:
      break;
  }
  return *end == '\0' ? value : 0;
}
constexpr const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

std::string number(double value) { return svg_number(value); }

}  // namespace

std::string svg_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string size_label(double bytes) {
  if (bytes >= 1 << 20)
    return number(bytes / (1 << 20)).substr(0, number(bytes / (1 << 20)).find(".0")) + "M";
  if (bytes >= 1024) return number(bytes / 1024).substr(0, number(bytes / 1024).find(".0")) + "K";
  return number(bytes).substr(0, number(bytes).find(".0"));
}

std::string html_escape(std::string_view raw) {
  const auto text = xml_safe(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::map<std::string, std::vector<ThroughputPoint>> throughput_series(const Report& report) {
  std::map<std::string, std::vector<ThroughputPoint>> series;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      for (const auto& m : test.measurements) {
        if (m.name.starts_with(kPerfPrefix)) {  // throughput_MBps_read_128k_qd4
          const auto rest = m.name.substr(kPerfPrefix.size());
          const auto first = rest.find('_');
          const auto second = rest.find('_', first == std::string::npos ? first : first + 1);
          if (first == std::string::npos || second == std::string::npos) continue;
          const double bytes = fio_size(rest.substr(first + 1, second - first - 1));
          if (bytes <= 0) continue;
          series[suite.name + "/" + rest.substr(0, first) + " " + rest.substr(second + 1) + " (MB/s)"]
              .push_back({bytes, m.value});
          continue;
        }
        if (!m.name.starts_with(kPrefix)) continue;
        const auto rest = m.name.substr(kPrefix.size());
        const auto dot = rest.rfind('.');
        if (dot == std::string::npos) continue;
        const double bytes = std::strtod(rest.c_str() + dot + 1, nullptr);
        if (bytes <= 0) continue;
        series[suite.name + "/" + rest.substr(0, dot) + " (MiB/s)"].push_back({bytes, m.value});
      }
    }
  }
  for (auto& [name, points] : series) {
    std::sort(points.begin(), points.end(),
              [](const auto& a, const auto& b) { return a.transfer_bytes < b.transfer_bytes; });
  }
  return series;
}

std::string throughput_chart_svg(const std::map<std::string, std::vector<ThroughputPoint>>& series) {
  if (series.empty()) return {};
  double min_x = 1e300, max_x = 0, max_y = 0;
  for (const auto& [name, points] : series) {
    for (const auto& p : points) {
      min_x = std::min(min_x, std::log2(p.transfer_bytes));
      max_x = std::max(max_x, std::log2(p.transfer_bytes));
      max_y = std::max(max_y, p.mib_per_s);
    }
  }
  if (max_x <= min_x) max_x = min_x + 1;
  if (max_y <= 0) max_y = 1;
  const double left = 60, top = 20, width = 560, height = 260;
  const auto x_of = [&](double bytes) { return left + (std::log2(bytes) - min_x) / (max_x - min_x) * width; };
  const auto y_of = [&](double value) { return top + height - value / max_y * height; };
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"330\" role=\"img\" "
      "aria-label=\"throughput against transfer size\">";
  svg += "<rect x=\"" + number(left) + "\" y=\"" + number(top) + "\" width=\"" + number(width) +
         "\" height=\"" + number(height) + "\" fill=\"none\" stroke=\"#999\"/>";
  for (int i = 0; i <= 4; ++i) {
    const double value = max_y * i / 4;
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(y_of(value) + 4) +
           "\" font-size=\"11\" text-anchor=\"end\">" + number(value) + "</text>";
  }
  for (int exponent = static_cast<int>(std::ceil(min_x)); exponent <= static_cast<int>(max_x); ++exponent) {
    const double bytes = std::pow(2.0, exponent);
    svg += "<text x=\"" + number(x_of(bytes)) + "\" y=\"" + number(top + height + 16) +
           "\" font-size=\"11\" text-anchor=\"middle\">" + size_label(bytes) + "</text>";
  }
  svg += "<text x=\"" + number(left + width / 2) + "\" y=\"" + number(top + height + 34) +
         "\" font-size=\"12\" text-anchor=\"middle\">transfer size (bytes)</text>";
  svg += "<text x=\"14\" y=\"" + number(top + height / 2) + "\" font-size=\"12\" transform=\"rotate(-90 14 " +
         number(top + height / 2) + ")\" text-anchor=\"middle\">throughput</text>";
  int index = 0;
  for (const auto& [name, points] : series) {
    const char* color = kColors[index % 6];
    std::string path;
    for (const auto& p : points) {
      path += (path.empty() ? "M" : " L") + number(x_of(p.transfer_bytes)) + " " + number(y_of(p.mib_per_s));
      svg += "<circle cx=\"" + number(x_of(p.transfer_bytes)) + "\" cy=\"" + number(y_of(p.mib_per_s)) +
             "\" r=\"3\" fill=\"" + color + "\"><title>" + html_escape(name) + ": " +
             size_label(p.transfer_bytes) + " " + number(p.mib_per_s) + "</title></circle>";
    }
    svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\"/>";
    svg += "<text x=\"" + number(left + width + 10) + "\" y=\"" + number(top + 14 + 16 * index) +
           "\" font-size=\"12\" fill=\"" + color + "\">" + html_escape(name) + "</text>";
    ++index;
  }
  return svg + "</svg>";
}

std::string selftest_matrix_svg(const std::vector<SelftestRow>& rows) {
  if (rows.empty()) return {};
  std::set<std::string> suite_set;
  for (const auto& row : rows) {
    for (const auto& [suite, cell] : row.cells) suite_set.insert(suite);
  }
  const std::vector<std::string> suites(suite_set.begin(), suite_set.end());
  const double label = 260, cell_w = 90, cell_h = 24, header = 30;
  const double width = label + cell_w * static_cast<double>(suites.size()) + 10;
  const double height = header + cell_h * static_cast<double>(rows.size()) + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width) + "\" height=\"" +
                    number(height) + "\" role=\"img\" aria-label=\"selftest matrix\">";
  for (std::size_t s = 0; s < suites.size(); ++s) {
    svg += "<text x=\"" + number(label + cell_w * static_cast<double>(s) + cell_w / 2) +
           "\" y=\"20\" font-size=\"12\" "
           "text-anchor=\"middle\">" +
           html_escape(suites[s]) + "</text>";
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = header + cell_h * static_cast<double>(r);
    svg += "<text x=\"4\" y=\"" + number(y + 16) + "\" font-size=\"12\">" + html_escape(rows[r].profile) +
           "</text>";
    for (std::size_t s = 0; s < suites.size(); ++s) {
      const auto cell = rows[r].cells.find(suites[s]);
      const double x = label + cell_w * static_cast<double>(s);
      const bool run = cell != rows[r].cells.end();
      const bool checked = run && cell->second.checked;
      const char* fill = !checked ? "#eee" : cell->second.matches ? "#8fd18f" : "#f08080";
      svg += "<rect x=\"" + number(x + 1) + "\" y=\"" + number(y + 1) + "\" width=\"" + number(cell_w - 2) +
             "\" height=\"" + number(cell_h - 2) + "\" fill=\"" + fill + "\"><title>" +
             (run ? html_escape(cell->second.note) : std::string("not run")) + "</title></rect>";
      svg += "<text x=\"" + number(x + cell_w / 2) + "\" y=\"" + number(y + 16) +
             "\" font-size=\"11\" text-anchor=\"middle\">" +
             (!run                   ? "-"
              : cell->second.matches ? "ok"
                                     : "MISS") +
             "</text>";
    }
  }
  return svg + "</svg>";
}

const char* verdict_colour(Verdict verdict) {
  // XFAIL with SKIPPED, as CI shows it (a <skipped> element); WARN its own amber, neither pass nor fail.
  if (verdict == Verdict::skipped || verdict == Verdict::xfail) return "#fff3c4";
  if (verdict == Verdict::warn) return "#ffdca8";
  return is_failure(verdict) ? "#f8d0d0" : "#d8f0d8";
}

}  // namespace dextqual::reports
