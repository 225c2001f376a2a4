#include "reports/html_report.h"

#include <cstdio>

#include "core/atomic_file.h"
#include "reports/svg_charts.h"
#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.counts span{display:inline-block;padding:6px 12px;margin-right:6px;border-radius:4px;font-weight:bold}
.PASS,.XFAIL{background:#d8f0d8}.SKIPPED{background:#fff3c4}
.FAIL,.XPASS,.TIMEOUT,.UNRESOLVED,.DEVICE-LOST,.ERROR{background:#f8d0d0}
pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:30em;white-space:pre-wrap}
code{background:#f0f0f0;padding:2px 4px}.failure{border-left:4px solid #c33;padding-left:12px;margin:1.2em 0}
)";

std::string row(std::string_view name, std::string_view value) {
  return "<tr><th>" + html_escape(name) + "</th><td>" + html_escape(value) + "</td></tr>";
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

std::string failure_section(const TestResult& test) {
  const std::string verdict(label(test.verdict));
  std::string html = "<div class=\"failure\"><h3><span class=\"" + verdict + "\">" + verdict + "</span> " +
                     html_escape(test.suite) + " :: " + html_escape(test.name) + "</h3>";
  html += "<p>" + html_escape(first_line(test.message, 500)) + "</p>";
  if (!test.reproducer.empty()) html += "<p>Reproduce: <code>" + html_escape(test.reproducer) + "</code></p>";
  for (const auto& finding : test.findings)
    html += "<p>Integrity: " + html_escape(finding.description) + "</p>";
  if (!test.detail.empty()) html += "<pre>" + html_escape(head_and_tail(test.detail, 16 * 1024)) + "</pre>";
  if (!test.log_file.empty()) {
    html += "<p>Full log: <a href=\"" + html_escape(test.log_file) + "\">" + html_escape(test.log_file) +
            "</a></p>";
  }
  return html + "</div>";
}

}  // namespace

std::string render_html(const Report& report) {
  const auto counts = report.counts();
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dextqual report " +
      html_escape(report.run.id) + "</title><style>" + std::string(kStyle) + "</style></head><body>";
  html += "<h1>dextqual: " + html_escape(report.dut.vendor + " " + report.dut.product) + "</h1>";
  html += "<div class=\"counts\"><span class=\"PASS\">" + std::to_string(counts.passed) +
          " passed</span><span class=\"FAIL\">" + std::to_string(counts.failed) +
          " failed</span><span class=\"SKIPPED\">" + std::to_string(counts.skipped) + " skipped</span></div>";
  html += "<h2>Run and device</h2><table>";
  html += row("run", report.run.id + " (" + report.run.status + ")") + row("started", report.run.started_at) +
          row("finished", report.run.finished_at) + row("host", report.run.hostname) +
          row("dextqual", report.run.version) + row("command", report.run.command_line);
  for (const auto& [name, value] : report.run.properties) html += row(name, value);
  html += row("device", report.dut.node + " (" + report.dut.kind + ")") +
          row("identity", report.dut.vendor + " / " + report.dut.product + " / " + report.dut.revision) +
          row("serial", report.dut.serial) + row("WWN", report.dut.wwn) +
          row("capacity", std::to_string(report.dut.capacity_bytes) + " bytes, " +
                              std::to_string(report.dut.logical_block_size) + "-byte blocks");
  if (!report.dut.profile.empty()) html += row("simdext profile", report.dut.profile);
  html += "</table>";

  std::string failures;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (is_failure(test.verdict)) failures += failure_section(test);
    }
  }
  html += "<h2>Failures</h2>" + (failures.empty() ? std::string("<p>None.</p>") : failures);

  if (const auto chart = throughput_chart_svg(throughput_series(report)); !chart.empty()) {
    html += "<h2>Throughput against transfer size</h2>" + chart;
  }
  if (!report.selftest.empty()) html += "<h2>Selftest matrix</h2>" + selftest_matrix_svg(report.selftest);

  html +=
      "<h2>All "
      "results</h2><table><tr><th>result</th><th>suite</th><th>test</th><th>time</th><th>note</th></tr>";
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      const std::string verdict(label(test.verdict));
      html += "<tr><td class=\"" + verdict + "\">" + verdict + "</td><td>" + html_escape(test.suite) +
              "</td><td>" + html_escape(test.name) + "</td><td>" + seconds_text(test.seconds) + "</td><td>" +
              html_escape(first_line(test.message, 200)) + "</td></tr>";
    }
  }
  return html + "</table></body></html>\n";
}

Status write_html(const std::filesystem::path& path, const Report& report) {
  return write_file_atomically(path, render_html(report));
}

}  // namespace dextqual::reports
