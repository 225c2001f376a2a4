#include "reports/merge_html.h"

#include <algorithm>
#include <map>
#include <set>

#include "reports/failure_causes.h"
#include "reports/svg_charts.h"
#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

std::string cell(std::string_view text) { return "<td>" + html_escape(text) + "</td>"; }

std::string run_header(const std::vector<LoadedRun>& runs) {
  std::string html =
      "<h2>Runs</h2><table class=\"runs\" border=\"1\" cellpadding=\"3\" cellspacing=\"0\"><tr><th>#</th>"
      "<th>run</th><th>station</th><th>host</th><th>DUT</th><th>profile</th><th>dextqual</th>"
      "<th>started</th><th>status</th><th>failed</th><th>passed</th><th>skipped</th><th>expected "
      "failures</th>"
      "<th>warnings</th></tr>";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& report = runs[i].report;
    const auto counts = report.counts();
    const auto station = report.run.properties.contains("station") ? report.run.properties.at("station") : "";
    html += "<tr><td>" + std::to_string(i + 1) + "</td>" + cell(runs[i].label) + cell(station) +
            cell(report.run.hostname) +
            cell(report.dut.vendor + " " + report.dut.product + " " + report.dut.revision + " (" +
                 report.dut.kind + (report.dut.serial.empty() ? "" : ", serial " + report.dut.serial) + ")") +
            cell(report.dut.profile) + cell(report.run.version) + cell(report.run.started_at) +
            cell(report.run.status) + "<td bgcolor=\"" + (counts.failed > 0 ? "#f8d0d0" : "#ffffff") + "\">" +
            std::to_string(counts.failed) + "</td><td>" + std::to_string(counts.passed) + "</td><td>" +
            std::to_string(counts.skipped) + "</td>" + cell(std::to_string(counts.expected_failures)) +
            cell(std::to_string(counts.warnings)) + "</tr>";
  }
  return html + "</table>";
}

struct Row {
  std::string key;
  std::map<std::size_t, const TestResult*> by_run;
};

std::vector<Row> rows_of(const std::vector<LoadedRun>& runs) {
  std::vector<Row> rows;
  std::map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    for (const auto& suite : runs[r].report.suites) {
      for (const auto& test : suite.tests) {
        auto [it, added] = index.try_emplace(test_key(test), rows.size());
        if (added) rows.push_back({test_key(test), {}});
        rows[it->second].by_run[r] = &test;
      }
    }
  }
  // A test that failed in some run is what the reader came for: those rows first, in run order.
  std::stable_partition(rows.begin(), rows.end(), [](const Row& row) {
    return std::any_of(row.by_run.begin(), row.by_run.end(),
                       [](const auto& cell) { return is_failure(cell.second->verdict); });
  });
  return rows;
}

std::string anchor(std::size_t row, std::size_t run) {
  return "f-" + std::to_string(row + 1) + "-" + std::to_string(run + 1);
}

std::string matrix(const std::vector<LoadedRun>& runs, const std::vector<Row>& rows) {
  std::string html =
      "<h2>Tests by run</h2><p>Tests that failed in any run come first.</p><table class=\"matrix\" "
      "border=\"1\" cellpadding=\"3\" cellspacing=\"0\"><tr>"
      "<th>test</th>";
  for (std::size_t r = 0; r < runs.size(); ++r) {
    html += "<th title=\"" + html_escape(runs[r].label) + "\">" + std::to_string(r + 1) + ". " +
            html_escape(runs[r].label) + "</th>";
  }
  html += "</tr>";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    html += "<tr><td>" + html_escape(rows[i].key) + "</td>";
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const auto found = rows[i].by_run.find(r);
      if (found == rows[i].by_run.end()) {
        html += "<td bgcolor=\"#eeeeee\">not in this run</td>";
        continue;
      }
      const auto verdict = found->second->verdict;
      const std::string text{label(verdict)};
      html += "<td class=\"verdict\" bgcolor=\"" + std::string(verdict_colour(verdict)) + "\"><b>" +
              (is_failure(verdict) ? "<a href=\"#" + anchor(i, r) + "\">" + text + "</a>" : text) +
              "</b></td>";
    }
    html += "</tr>";
  }
  return html + "</table>";
}

std::string failure_details(const std::vector<LoadedRun>& runs, const std::vector<Row>& rows) {
  std::string html = "<h2>Failures</h2>";
  bool any = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const auto& [r, test] : rows[i].by_run) {
      if (!is_failure(test->verdict)) continue;
      any = true;
      html += "<section class=\"failure\" id=\"" + anchor(i, r) + "\"><h3><font color=\"#b00000\">" +
              std::string(label(test->verdict)) + "</font> " + html_escape(rows[i].key) + " in " +
              html_escape(runs[r].label) + "</h3><p><b>" + html_escape(failure_cause(*test)) + "</b></p>";
      for (const auto& finding : test->findings) {
        html += "<p>Integrity: <b>" + html_escape(finding.finding_class) + "</b> " +
                html_escape(finding.description) + "</p>";
      }
      html += "<details><summary>assertion and reproducer</summary>";
      if (!test->reproducer.empty())
        html += "<p>Reproduce: <code>" + html_escape(test->reproducer) + "</code></p>";
      const auto& text = test->detail.empty() ? test->message : test->detail;
      html += "<pre>" + html_escape(head_and_tail(text, 16 * 1024)) + "</pre></details></section>";
    }
  }
  return any ? html : html + "<p>None.</p>";
}

}  // namespace

std::string render_merge_html(const std::vector<LoadedRun>& runs) {
  const auto rows = rows_of(runs);
  int failing_runs = 0;
  for (const auto& run : runs) failing_runs += run.report.counts().failed > 0 ? 1 : 0;
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dextqual: " +
                     std::to_string(runs.size()) +
                     " runs</title></head><body><h1>dextqual: " + std::to_string(runs.size()) + " runs, " +
                     std::to_string(failing_runs) + " with failures</h1>";
  return html + run_header(runs) + matrix(runs, rows) + failure_details(runs, rows) + "</body></html>\n";
}

}  // namespace dextqual::reports
