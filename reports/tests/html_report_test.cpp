// The HTML report is one self-contained file: failures first with reproducers, inline SVG charts,
// hostile text escaped.
#include "reports/html_report.h"

#include <gtest/gtest.h>

#include "reports/svg_charts.h"
#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

TEST(HtmlReport, SelfContainedWithFailuresFirst) {
  const auto html = render_html(testing::sample_report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_EQ(html.find("https://"), std::string::npos);
  const auto failures = html.find("<h2 id=\"failures\">Failures by cause</h2>");
  const auto all = html.find("<h2>All results</h2>");
  ASSERT_NE(failures, std::string::npos);
  EXPECT_LT(failures, all);
  EXPECT_NE(html.find("Reproduce: <code>build/rawio --gtest_filter=TransferSize.Bad</code>"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;&amp;&gt;"), std::string::npos);  // "<&>" from a failure message, escaped
  EXPECT_EQ(html.find('\x07'), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);  // the throughput chart from the measurements
}

// The header counts XFAIL and WARN apart from passes; the WARNs are listed after the failures, and
// each warning is in its test's row.
TEST(HtmlReport, HeaderCountsExpectedFailuresAndWarningsApart) {
  const auto html = render_html(testing::sample_report());
  const auto header = html.substr(0, html.find("</table>"));
  EXPECT_NE(header.find("<b>6 failed</b>"), std::string::npos) << header;
  EXPECT_NE(header.find("<b>1 passed</b>"), std::string::npos) << header;
  EXPECT_NE(header.find("<b>1 skipped</b>"), std::string::npos);
  EXPECT_NE(header.find("<b>1 expected failure</b>"), std::string::npos);
  EXPECT_NE(header.find("<b><a href=\"#warnings\">1 warning</a></b>"), std::string::npos);
  const auto section = html.find("<h2 id=\"warnings\">Warnings</h2>");
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(html.find("<h2 id=\"failures\">"), section);
  EXPECT_LT(section, html.find("<h2>All results</h2>"));
  const std::string first = "WARN: SBC-3 5.8 should: RDPROTECT 011b";
  const std::string second = "WARN: SPC-4 4.5.6 should: sense data\\x07 &lt;&amp;&gt; &quot;descriptor&quot;";
  EXPECT_LT(html.find(first, section), html.find(second, section));
  // In the row of every result too, with the WARN's own colour.
  const auto row = html.find("<td bgcolor=\"#ffdca8\"><b>WARN</b></td>", html.find("<h2>All results</h2>"));
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(html.find(first, row), std::string::npos);
  EXPECT_NE(html.find(second, row), std::string::npos);
}

// The runner's WARN message repeats the first warning; the row shows each warning once.
TEST(HtmlReport, AWarnRowShowsEachWarningOnce) {
  TestResult warn{.suite = "scsi", .name = "Read.Protect", .verdict = Verdict::warn};
  warn.message = "SBC-3 5.8 should: RDPROTECT (and 1 more warnings)";
  warn.properties = {{"warning.1", "SBC-3 5.8 should: RDPROTECT"}, {"warning.2", "SPC-4 should: VERSION"}};
  Report report;
  report.suites.push_back({"scsi", "/build/scsi", {warn}});
  const auto html = render_html(report);
  const auto row = html.find("<b>WARN</b></td>", html.find("<h2>All results</h2>"));
  ASSERT_NE(row, std::string::npos);
  const auto cells = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_EQ(cells.find("and 1 more"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<br>WARN: SPC-4 should: VERSION"), std::string::npos) << cells;
}

TEST(HtmlReport, NoExpectedFailureOrWarningCellsWithoutThem) {
  Report report;
  report.suites.push_back(
      {"rawio", "/build/rawio", {{.suite = "rawio", .name = "A.B", .verdict = Verdict::pass}}});
  const auto html = render_html(report);
  EXPECT_NE(html.find("<b>1 passed</b>"), std::string::npos);
  EXPECT_EQ(html.find("expected failure"), std::string::npos);
  EXPECT_EQ(html.find("warning"), std::string::npos);
}

TEST(HtmlReport, ThroughputSeriesFromMeasurements) {
  const auto series = throughput_series(testing::sample_report());
  ASSERT_EQ(series.size(), 1u);
  const auto& points = series.at("rawio/write (MiB/s)");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].transfer_bytes, 65536);
  EXPECT_EQ(points[1].mib_per_s, 512.5);
}

TEST(HtmlReport, PerfSuiteThroughputPropertiesAreCharted) {
  Report report;
  TestResult test;
  test.suite = "perf";
  test.name = "Throughput.Measured";
  test.measurements = {{"throughput_MBps_read_4k_qd1", 50},
                       {"throughput_MBps_read_1m_qd1", 900},
                       {"iops_read_4k_qd1", 12800},
                       {"throughput_MBps_bogus", 1}};
  report.suites.push_back({"perf", "perf", {test}});
  const auto series = throughput_series(report);
  ASSERT_EQ(series.size(), 1u);
  const auto& points = series.at("perf/read qd1 (MB/s)");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].transfer_bytes, 4096);
  EXPECT_EQ(points[1].transfer_bytes, 1 << 20);
}

TEST(HtmlReport, SelftestMatrixIsDrawn) {
  Report report;
  report.selftest = {
      {"clean", {{"rawio", {{}, {}, true, "all passed"}}}, true},
      {"f2", {{"rawio", {{"*TransferSize*"}, {}, false, "not caught: *TransferSize*"}}}, false}};
  const auto svg = selftest_matrix_svg(report.selftest);
  EXPECT_NE(svg.find(">MISS<"), std::string::npos);
  EXPECT_NE(svg.find(">ok<"), std::string::npos);
  EXPECT_NE(render_html(report).find("Selftest matrix"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::reports
