#include "reports/svg_pictures.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "reports/svg_charts.h"

namespace dextqual::reports {
namespace {

constexpr double kWidth = 760;
constexpr const char* kPass = "#3a9d3a";
constexpr const char* kFail = "#d62728";

std::string num(double value) { return svg_number(value); }

// "64KiB", "64.5KiB", "512 B".
std::string bytes_text(double bytes) {
  const auto label = size_label(bytes);
  return label.ends_with('K') || label.ends_with('M') ? label + "iB" : label + " B";
}

std::string svg_open(std::string_view css_class, double height, std::string_view label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + std::string(css_class) + "\" width=\"" +
         num(kWidth) + "\" height=\"" + num(height) + "\" role=\"img\" aria-label=\"" + html_escape(label) +
         "\">";
}

std::string text(double x, double y, std::string_view content, std::string_view extra = {}) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"11\" font-family=\"sans-serif\"" +
         (extra.empty() ? "" : " " + std::string(extra)) + ">" + html_escape(content) + "</text>";
}

std::string rect(double x, double y, double w, double h, std::string_view fill, std::string_view css_class,
                 std::string_view title) {
  return "<rect class=\"" + std::string(css_class) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
         num(std::max(w, 1.0)) + "\" height=\"" + num(h) + "\" fill=\"" + std::string(fill) + "\"><title>" +
         html_escape(title) + "</title></rect>";
}

// The finding classes of suites/lib/integrity (SectorClass::to_string) and their colours.
const char* class_colour(std::string_view finding_class) {
  static const std::map<std::string_view, const char*> colours = {
      {"zero-filled", "#7f7f7f"}, {"one-filled", "#bcbd22"}, {"stale", "#ff7f0e"},
      {"misdirected", "#9467bd"}, {"torn", "#d62728"},       {"bit-flip", "#e377c2"},
      {"foreign", "#8c564b"},     {"garbage", "#222222"},    {"phantom", "#17becf"},
      {"unreadable", "#800000"}};
  const auto it = colours.find(finding_class);
  return it == colours.end() ? "#444444" : it->second;
}

std::string class_slug(std::string_view finding_class) {
  std::string slug;
  for (const char c : finding_class) slug += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return slug;
}

std::optional<double> measurement(const TestResult& test, std::string_view name) {
  for (const auto& m : test.measurements) {
    if (m.name == name) return m.value;
  }
  return std::nullopt;
}

}  // namespace

std::string lba_strip_svg(const std::vector<IntegrityFinding>& findings, std::uint64_t capacity_sectors) {
  if (findings.empty()) return {};
  double end = static_cast<double>(capacity_sectors);
  for (const auto& f : findings) end = std::max(end, static_cast<double>(f.first_lba + f.sectors));
  const double left = 10, strip_w = kWidth - 20, top = 22, strip_h = 36;
  std::map<std::string, std::uint64_t> sectors_by_class;
  for (const auto& f : findings) sectors_by_class[f.finding_class] += f.sectors;
  const double height = top + strip_h + 30 + 16 * static_cast<double>((sectors_by_class.size() + 3) / 4);
  std::string svg = svg_open("dq-lba-strip", height, "corrupt extents on the device's LBA range");
  svg += text(left, 14,
              "LBA 0 .. " + std::to_string(static_cast<std::uint64_t>(end)) +
                  " (512-byte sectors); corrupt extents by class");
  svg += rect(left, top, strip_w, strip_h, "#e8f4e8", "range", "the device's LBA range");
  for (const auto& f : findings) {
    const double x = left + static_cast<double>(f.first_lba) / end * strip_w;
    const double w = static_cast<double>(f.sectors) / end * strip_w;
    svg += rect(x, top, std::max(w, 2.0), strip_h, class_colour(f.finding_class),
                "extent " + class_slug(f.finding_class),
                f.finding_class + ": LBA " + std::to_string(f.first_lba) + " +" + std::to_string(f.sectors) +
                    ": " + f.description);
  }
  svg += text(left, top + strip_h + 14, "0") + text(left + strip_w, top + strip_h + 14,
                                                    std::to_string(static_cast<std::uint64_t>(end)),
                                                    "text-anchor=\"end\"");
  int index = 0;
  for (const auto& [finding_class, sectors] : sectors_by_class) {
    const double x = left + 185 * (index % 4), y = top + strip_h + 24 + 16 * (index / 4);
    svg +=
        rect(x, y, 12, 12, class_colour(finding_class), "legend " + class_slug(finding_class), finding_class);
    svg += text(x + 16, y + 10, finding_class + " (" + std::to_string(sectors) + " sectors)");
    ++index;
  }
  return svg + "</svg>";
}

std::vector<SweepOutcome> sweep_outcomes(const TestResult& test) {
  std::vector<SweepOutcome> outcomes;
  for (const auto& m : test.measurements) {
    if (!m.name.starts_with("sweep_ok.")) continue;
    const double bytes = std::strtod(m.name.c_str() + 9, nullptr);
    if (bytes > 0) outcomes.push_back({bytes, m.value != 0});
  }
  std::sort(outcomes.begin(), outcomes.end(), [](const auto& a, const auto& b) { return a.bytes < b.bytes; });
  return outcomes;
}

std::vector<SizeLimit> sweep_limits(const TestResult& test) {
  std::vector<SizeLimit> limits;
  for (const auto& m : test.measurements) {
    if (m.name.starts_with("limit_bytes.") && m.value > 0) limits.push_back({m.name.substr(12), m.value});
  }
  std::sort(limits.begin(), limits.end(), [](const auto& a, const auto& b) {
    return std::tie(a.bytes, a.name) < std::tie(b.bytes, b.name);
  });
  return limits;
}

std::string sweep_sentence(const std::vector<SweepOutcome>& outcomes, const std::vector<SizeLimit>& limits) {
  const auto failed = std::find_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.ok; });
  if (failed == outcomes.end()) return {};
  const bool all_above_fail = std::all_of(failed, outcomes.end(), [](const auto& o) { return !o.ok; });
  std::string sentence =
      "sizes from " + bytes_text(failed->bytes) + (all_above_fail ? " up fail" : " fail (some larger pass)");
  sentence += failed == outcomes.begin() ? ", no smaller size works"
                                         : ", " + bytes_text((failed - 1)->bytes) + " works";
  std::map<double, std::string> names_by_bytes;
  for (const auto& limit : limits) {
    auto& names = names_by_bytes[limit.bytes];
    names += (names.empty() ? "" : "/") + limit.name;
  }
  for (const auto& [bytes, names] : names_by_bytes) {
    sentence += "; the published " + names + " limit is " + bytes_text(bytes);
  }
  return sentence;
}

std::string sweep_svg(const std::vector<SweepOutcome>& outcomes, const std::vector<SizeLimit>& limits) {
  if (outcomes.empty()) return {};
  double low = std::log2(outcomes.front().bytes), high = std::log2(outcomes.back().bytes);
  for (const auto& limit : limits) {
    low = std::min(low, std::log2(limit.bytes));
    high = std::max(high, std::log2(limit.bytes));
  }
  if (high <= low) high = low + 1;
  const double left = 20, plot_w = kWidth - 40, top = 40, bar_h = 30;
  const auto x_of = [&](double bytes) { return left + (std::log2(bytes) - low) / (high - low) * plot_w; };
  std::string svg = svg_open("dq-sweep", top + bar_h + 60, "pass or fail per transfer size");
  std::size_t failed = 0;
  for (const auto& o : outcomes) failed += o.ok ? 0 : 1;
  svg += text(left, 14,
              std::to_string(outcomes.size()) + " sizes, " + std::to_string(failed) +
                  " failed (green: written and verified, red: failed); dashed: published limits",
              "font-weight=\"bold\"");
  svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + bar_h / 2) + "\" x2=\"" + num(left + plot_w) +
         "\" y2=\"" + num(top + bar_h / 2) + "\" stroke=\"#bbb\"/>";
  for (const auto& o : outcomes) {
    svg += rect(x_of(o.bytes) - 3, top, 6, bar_h, o.ok ? kPass : kFail, o.ok ? "size pass" : "size fail",
                bytes_text(o.bytes) + " (" + std::to_string(static_cast<std::uint64_t>(o.bytes)) +
                    " bytes): " + (o.ok ? "pass" : "FAIL"));
  }
  for (int exponent = static_cast<int>(std::ceil(low)); exponent <= static_cast<int>(high); exponent += 2) {
    const double bytes = std::pow(2.0, exponent);
    svg += text(x_of(bytes), top + bar_h + 14, size_label(bytes), "text-anchor=\"middle\"");
  }
  std::map<double, std::string> names_by_bytes;  // read and write limits usually coincide: one label
  for (const auto& limit : limits) {
    auto& names = names_by_bytes[limit.bytes];
    names += (names.empty() ? "" : "/") + limit.name;
  }
  for (const auto& [bytes, names] : names_by_bytes) {
    const double x = x_of(bytes);
    svg += "<line class=\"limit\" x1=\"" + num(x) + "\" y1=\"" + num(top - 14) + "\" x2=\"" + num(x) +
           "\" y2=\"" + num(top + bar_h + 4) +
           "\" stroke=\"#1f77b4\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>";
    svg += text(x + 4, top - 6, "published " + names + " limit " + bytes_text(bytes), "fill=\"#1f77b4\"");
  }
  svg += text(left, top + bar_h + 36, "transfer size (log scale)");
  return svg + "</svg>";
}

std::string attach_svg(const TestResult& test) {
  std::map<int, double> cycles;
  for (const auto& m : test.measurements) {
    if (m.name.starts_with("attach_ms_cycle_")) cycles[std::atoi(m.name.c_str() + 16)] = m.value;
  }
  if (cycles.empty()) return {};
  const auto budget = measurement(test, "attach_budget_ms");
  double max_ms = budget.value_or(0);
  for (const auto& [cycle, ms] : cycles) max_ms = std::max(max_ms, ms);
  max_ms = std::max(max_ms * 1.1, 1.0);
  const double left = 60, top = 24, plot_w = kWidth - 80, plot_h = 140;
  const double bar_w = std::min(40.0, plot_w / static_cast<double>(cycles.size()) - 6);
  std::string svg = svg_open("dq-attach", top + plot_h + 40, "attach time per cycle against the budget");
  svg += text(left, 14, "attach time per cycle (ms); dashed: budget", "font-weight=\"bold\"");
  svg += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(plot_w) + "\" height=\"" +
         num(plot_h) + "\" fill=\"none\" stroke=\"#ccc\"/>";
  int index = 0;
  for (const auto& [cycle, ms] : cycles) {
    const bool over = budget && ms > *budget;
    const double h = ms / max_ms * plot_h;
    const double x = left + 6 + index * (bar_w + 6);
    svg += rect(x, top + plot_h - h, bar_w, h, over ? kFail : kPass, over ? "cycle over" : "cycle within",
                "cycle " + std::to_string(cycle) + ": " + num(ms) + " ms");
    svg += text(x + bar_w / 2, top + plot_h + 14, std::to_string(cycle), "text-anchor=\"middle\"");
    ++index;
  }
  svg += text(left - 6, top + 4, num(max_ms), "text-anchor=\"end\"") +
         text(left - 6, top + plot_h, "0", "text-anchor=\"end\"");
  if (budget) {
    const double y = top + plot_h - *budget / max_ms * plot_h;
    svg += "<line class=\"budget\" x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" +
           num(left + plot_w) + "\" y2=\"" + num(y) +
           "\" stroke=\"#1f77b4\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
    svg += text(left + plot_w - 4, y - 4, "budget " + num(*budget) + " ms",
                "text-anchor=\"end\" fill=\"#1f77b4\"");
  }
  svg += text(left, top + plot_h + 30, "cycle");
  return svg + "</svg>";
}

std::string baseline_svg(const Report& report, const TestResult& test) {
  std::map<std::string, double> baseline;
  for (const auto& m : test.measurements) {
    if (m.name.starts_with("baseline_MBps_")) baseline[m.name.substr(14)] = m.value;
  }
  if (baseline.empty()) return {};
  std::map<std::string, double> current;
  for (const auto& suite : report.suites) {
    for (const auto& other : suite.tests) {
      if (other.suite != test.suite) continue;
      for (const auto& m : other.measurements) {
        if (m.name.starts_with("throughput_MBps_")) current[m.name.substr(16)] = m.value;
      }
    }
  }
  const double threshold = measurement(test, "perf_threshold_percent").value_or(5) / 100;
  double max_mbps = 1;
  for (const auto& [key, mbps] : baseline) max_mbps = std::max({max_mbps, mbps, current[key]});
  const double label_w = 150, top = 24, row_h = 26, plot_w = kWidth - label_w - 120;
  std::string svg = svg_open("dq-baseline", top + row_h * static_cast<double>(baseline.size()) + 10,
                             "throughput against the baseline");
  svg += text(
      4, 14,
      "MB/s: this run (bar) against the baseline (grey); red: more than " + num(threshold * 100) + "% below",
      "font-weight=\"bold\"");
  int row = 0;
  for (const auto& [key, base] : baseline) {
    const double y = top + row_h * row++;
    const auto found = current.find(key);
    svg += text(4, y + 15, key);
    svg += rect(label_w, y + 2, base / max_mbps * plot_w, row_h - 6, "#cccccc", "baseline",
                key + " baseline " + num(base) + " MB/s");
    if (found == current.end()) {
      svg += text(label_w + 4, y + 15, "not measured in this run");
      continue;
    }
    const bool regressed = found->second < base * (1 - threshold);
    const double change = base > 0 ? (found->second / base - 1) * 100 : 0;
    svg +=
        rect(label_w, y + 7, found->second / max_mbps * plot_w, row_h - 16, regressed ? kFail : kPass,
             regressed ? "current regressed" : "current", key + " this run " + num(found->second) + " MB/s");
    svg +=
        text(label_w + plot_w + 6, y + 15,
             num(found->second) + " vs " + num(base) + " (" + (change >= 0 ? "+" : "") + num(change) + "%)");
  }
  return svg + "</svg>";
}

std::string pictures_for(const Report& report, const TestResult& test) {
  const std::uint64_t capacity_sectors = report.dut.capacity_bytes / 512;
  return lba_strip_svg(test.findings, capacity_sectors) +
         sweep_svg(sweep_outcomes(test), sweep_limits(test)) + attach_svg(test) + baseline_svg(report, test);
}

}  // namespace dextqual::reports
