#include "reports/html_report.h"

#include <cstdio>

#include "core/atomic_file.h"
#include "reports/failure_causes.h"
#include "reports/svg_charts.h"
#include "reports/svg_pictures.h"
#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

std::string verdict_cell(Verdict verdict) {
  return "<td bgcolor=\"" + std::string(verdict_colour(verdict)) + "\"><b>" + std::string(label(verdict)) +
         "</b></td>";
}

std::string row(std::string_view name, std::string_view value) {
  return "<tr><th align=\"left\">" + html_escape(name) + "</th><td>" + html_escape(value) + "</td></tr>";
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

std::string count_cell(Verdict verdict, const std::string& text) {
  return "<td bgcolor=\"" + std::string(verdict_colour(verdict)) + "\"><b>" + text + "</b></td>";
}

std::string plural(int n, std::string_view what) {
  return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

// XFAIL and WARN have cells of their own only when there are any, as on the console's summary line; the
// warnings' cell links to their list.
std::string counts_table(const Counts& counts) {
  std::string html = "<table class=\"counts\" cellpadding=\"8\" cellspacing=\"4\"><tr>" +
                     count_cell(Verdict::fail, std::to_string(counts.failed) + " failed") +
                     count_cell(Verdict::pass, std::to_string(counts.passed) + " passed") +
                     count_cell(Verdict::skipped, std::to_string(counts.skipped) + " skipped");
  if (counts.expected_failures > 0) {
    html += count_cell(Verdict::xfail, plural(counts.expected_failures, "expected failure"));
  }
  if (counts.warnings > 0) {
    html += count_cell(Verdict::warn, "<a href=\"#warnings\">" + plural(counts.warnings, "warning") + "</a>");
  }
  return html + "</tr></table>";
}

// One line per warning, for a cell or a list item.
std::string warning_lines(const std::vector<std::string>& warnings) {
  std::string html;
  for (const auto& warning : warnings) {
    html += (html.empty() ? "" : "<br>") + std::string("WARN: ") + html_escape(first_line(warning, 2000));
  }
  return html;
}

// The WARNs after the failures: passed, so easy to miss in the table of every result.
std::string warnings_section(const Report& report) {
  std::string items;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (test.verdict != Verdict::warn) continue;
      items += "<li class=\"warning\"><p><b>WARN</b> " + html_escape(test.suite) + " :: <b>" +
               html_escape(test.name) + "</b><br>" + warning_lines(test.warnings()) + "</p></li>";
    }
  }
  if (items.empty()) return {};
  return "<h2 id=\"warnings\">Warnings</h2><p>Passed every <i>shall</i> of the standard; deviated from a "
         "<i>should</i>. Not failures.</p><ul>" +
         items + "</ul>";
}

// One failing test of a cause group: its name, its pictures in view, the assertion text a click away.
std::string failure_item(const Report& report, const CauseGroup& group, const TestResult& test) {
  std::string html = "<li class=\"failure\"><p><b>" + std::string(label(test.verdict)) + "</b> " +
                     html_escape(test.suite) + " :: <b>" + html_escape(test.name) + "</b> (" +
                     seconds_text(test.seconds) + ")";
  // In a group held together by its errno, each test's own words say where the errno hit it.
  if (const auto own = failure_cause(test); own != group.cause) html += "<br>" + html_escape(own);
  html += "</p>";
  html += pictures_for(report, test);
  for (const auto& finding : test.findings) {
    html += "<p class=\"finding\">Integrity: <b>" + html_escape(finding.finding_class) + "</b> " +
            html_escape(finding.description) + "</p>";
  }
  html += "<details><summary>assertion, reproducer and log</summary>";
  if (!test.reproducer.empty()) html += "<p>Reproduce: <code>" + html_escape(test.reproducer) + "</code></p>";
  if (!test.detail.empty()) {
    html += "<pre>" + html_escape(head_and_tail(test.detail, 16 * 1024)) + "</pre>";
  } else if (!test.message.empty()) {
    html += "<pre>" + html_escape(first_line(test.message, 2000)) + "</pre>";
  }
  if (!test.log_file.empty()) {
    html += "<p>Full log: <a href=\"" + html_escape(test.log_file) + "\">" + html_escape(test.log_file) +
            "</a></p>";
  }
  return html + "</details></li>";
}

std::string failures_by_cause(const Report& report) {
  const auto groups = group_failures(report);
  if (groups.empty()) return "<h2 id=\"failures\">Failures</h2><p>None.</p>";
  std::size_t failing = 0;
  for (const auto& group : groups) failing += group.tests.size();
  std::string html = "<h2 id=\"failures\">Failures by cause</h2><p>" + std::to_string(failing) +
                     " failing tests, " + std::to_string(groups.size()) +
                     (groups.size() == 1 ? " cause" : " causes") + ".</p>";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& group = groups[i];
    html += "<section class=\"cause\" id=\"cause-" + std::to_string(i + 1) +
            "\"><h3><font color=\"#b00000\">" + html_escape(group.cause) +
            "</font></h3><p class=\"cause-count\">" + std::to_string(group.tests.size()) +
            (group.tests.size() == 1 ? " test" : " tests") +
            (group.error.empty() ? " failed with this cause:" : " failed with " + group.error + ":") + "</p>";
    for (const auto* test : group.tests) {  // a sweep says where the cliff is, against the limits
      if (const auto sentence = sweep_sentence(sweep_outcomes(*test), sweep_limits(*test));
          !sentence.empty()) {
        html += "<p class=\"diagnosis\"><b>" + html_escape(test->suite) + " sweep: " + html_escape(sentence) +
                "</b></p>";
      }
    }
    html += "<ul>";
    for (const auto* test : group.tests) html += failure_item(report, group, *test);
    html += "</ul></section>";
  }
  return html;
}

std::string run_and_device(const Report& report) {
  std::string html = "<h2>Run and device</h2><table cellpadding=\"3\">";
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
  return html + "</table>";
}

std::string all_results(const Report& report) {
  std::string html =
      "<h2>All results</h2><table class=\"results\" border=\"1\" cellpadding=\"3\" cellspacing=\"0\">"
      "<tr><th>result</th><th>suite</th><th>test</th><th>time</th><th>note</th></tr>";
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      // A WARN's message is its first warning again (the runner's summary of them): its warnings say it.
      std::string note =
          test.verdict == Verdict::warn
              ? std::string()
              : html_escape(is_failure(test.verdict) ? failure_cause(test) : first_line(test.message, 200));
      if (const auto warnings = warning_lines(test.warnings()); !warnings.empty()) {
        note += (note.empty() ? "" : "<br>") + warnings;
      }
      html += "<tr>" + verdict_cell(test.verdict) + "<td>" + html_escape(test.suite) + "</td><td>" +
              html_escape(test.name) + "</td><td>" + seconds_text(test.seconds) + "</td><td>" + note +
              "</td></tr>";
    }
  }
  return html + "</table>";
}

}  // namespace

std::string render_html(const Report& report) {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dextqual report " +
      html_escape(report.run.id) + "</title></head><body>";
  html += "<h1>dextqual: " + html_escape(report.dut.vendor + " " + report.dut.product) +
          (report.dut.profile.empty() ? "" : " (simdext profile " + html_escape(report.dut.profile) + ")") +
          "</h1>";
  html += counts_table(report.counts());
  html += failures_by_cause(report);
  html += warnings_section(report);
  if (const auto chart = throughput_chart_svg(throughput_series(report)); !chart.empty()) {
    html += "<h2>Throughput against transfer size</h2>" + chart;
  }
  if (!report.selftest.empty()) html += "<h2>Selftest matrix</h2>" + selftest_matrix_svg(report.selftest);
  html += run_and_device(report);
  return html + all_results(report) + "</body></html>\n";
}

Status write_html(const std::filesystem::path& path, const Report& report) {
  return write_file_atomically(path, render_html(report));
}

}  // namespace dextqual::reports
