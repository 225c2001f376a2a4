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
