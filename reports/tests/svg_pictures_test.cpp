// Each picture of what went wrong is drawn from what the test recorded, styled without CSS (Jenkins'
// CSP drops it), and tagged with the classes the browser test looks for.
#include "reports/svg_pictures.h"

#include <gtest/gtest.h>

#include "reports/html_report.h"
#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

const TestResult& find(const Report& report, std::string_view name) {
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (test.name == name) return test;
    }
  }
  throw std::runtime_error("no test " + std::string(name));
}

std::size_t occurrences(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(SvgPictures, RawSweepShowsTheCliffAndThePublishedLimit) {
  const auto report = testing::pictures_report();
  const auto& test = find(report, "RawTransferSizes.EverySizeWritesFlushesAndVerifiesAtStartMiddleAndEnd");
  const auto outcomes = sweep_outcomes(test);
  ASSERT_EQ(outcomes.size(), 11u);
  EXPECT_EQ(outcomes.front().bytes, 512);
  EXPECT_TRUE(outcomes[3].ok);   // 64 KiB
  EXPECT_FALSE(outcomes[4].ok);  // 66048 B: the cliff
  const auto svg = sweep_svg(outcomes, sweep_limits(test));
  EXPECT_EQ(occurrences(svg, "class=\"size pass\""), 4u);
  EXPECT_EQ(occurrences(svg, "class=\"size fail\""), 7u);
  EXPECT_EQ(occurrences(svg, "<line class=\"limit\""), 1u);  // read and write share 512 KiB: one line
  EXPECT_NE(svg.find("published read/write limit 512KiB"), std::string::npos);
  EXPECT_NE(svg.find("66048 bytes): FAIL"), std::string::npos);
}

TEST(SvgPictures, SweepSentenceNamesTheCliffAndTheLimit) {
  const auto report = testing::pictures_report();
  const auto& test = find(report, "RawTransferSizes.EverySizeWritesFlushesAndVerifiesAtStartMiddleAndEnd");
  EXPECT_EQ(sweep_sentence(sweep_outcomes(test), sweep_limits(test)),
            "sizes from 64.5KiB up fail, 64KiB works; the published read/write limit is 512KiB");
  EXPECT_EQ(sweep_sentence({{512, false}, {1024, true}}, {}),
            "sizes from 512 B fail (some larger pass), no smaller size works");
  EXPECT_EQ(sweep_sentence({{512, true}}, {}), "");
  EXPECT_NE(render_html(report).find("<p class=\"diagnosis\"><b>rawio sweep: sizes from 64.5KiB up fail"),
            std::string::npos);
}

TEST(SvgPictures, BufferedSweepWithoutLimitsStillDrawsTheThreshold) {
  const auto report = testing::pictures_report();
  const auto& test = find(report, "BufferedBlockNode.SizeSweepVerifiesOnTheDeviceAndThroughTheCache");
  const auto svg = sweep_svg(sweep_outcomes(test), sweep_limits(test));
  EXPECT_EQ(occurrences(svg, "class=\"size pass\""), 2u);
  EXPECT_EQ(occurrences(svg, "class=\"size fail\""), 1u);
  EXPECT_EQ(svg.find("class=\"limit\""), std::string::npos);
  EXPECT_NE(svg.find("256MiB (268435456 bytes): FAIL"), std::string::npos);
}

TEST(SvgPictures, LbaStripColoursEachFindingClass) {
  const auto report = testing::pictures_report();
  const auto& test = find(report, "BufferedBlockNode.SizeSweepVerifiesOnTheDeviceAndThroughTheCache");
  const auto svg = lba_strip_svg(test.findings, report.dut.capacity_bytes / 512);
  for (const char* slug : {"zero-filled", "stale", "misdirected", "torn", "bit-flip", "foreign"}) {
    EXPECT_EQ(occurrences(svg, std::string("class=\"extent ") + slug + "\""), 1u) << slug;
    EXPECT_EQ(occurrences(svg, std::string("class=\"legend ") + slug + "\""), 1u) << slug;
  }
  EXPECT_NE(svg.find("fill=\"#ff7f0e\""), std::string::npos);  // stale
  EXPECT_NE(svg.find("LBA 0 .. 2097152"), std::string::npos);
  EXPECT_TRUE(lba_strip_svg({}, 100).empty());
}

TEST(SvgPictures, AttachTimesAgainstTheBudget) {
  const auto report = testing::pictures_report();
  const auto svg = attach_svg(find(report, "DetachAttach.Cycles"));
  EXPECT_EQ(occurrences(svg, "class=\"cycle within\""), 1u);
  EXPECT_EQ(occurrences(svg, "class=\"cycle over\""), 1u);
  EXPECT_NE(svg.find("<line class=\"budget\""), std::string::npos);
  EXPECT_NE(svg.find("budget 30000.0 ms"), std::string::npos);
}

TEST(SvgPictures, ThroughputAgainstTheBaselineMarksTheRegression) {
  const auto report = testing::pictures_report();
  const auto svg =
      baseline_svg(report, find(report, "Throughput.NoDropBeyondTheThresholdAgainstTheBaseline"));
  EXPECT_EQ(occurrences(svg, "class=\"current regressed\""), 1u);  // write 565 vs 645
  EXPECT_EQ(occurrences(svg, "class=\"current\""), 1u);            // read 700 vs 690
  EXPECT_NE(svg.find("565.0 vs 645.0 (-12.4%)"), std::string::npos);
}

TEST(SvgPictures, NothingRecordedNothingDrawn) {
  TestResult plain;
  plain.measurements = {{"transfers", 12}};
  EXPECT_TRUE(pictures_for(Report{}, plain).empty());
}

TEST(SvgPictures, ReportHasEveryPictureAndNoCss) {
  const auto html = render_html(testing::pictures_report());
  for (const char* picture : {"class=\"dq-lba-strip\"", "class=\"dq-sweep\"", "class=\"dq-attach\"",
                              "class=\"dq-baseline\"", "aria-label=\"selftest matrix\""}) {
    EXPECT_NE(html.find(picture), std::string::npos) << picture;
  }
  // Jenkins' default CSP would drop these: the report must not depend on them.
  EXPECT_EQ(html.find("<style"), std::string::npos);
  EXPECT_EQ(html.find("style="), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  // Failures before the charts and the table of every result.
  EXPECT_LT(html.find("class=\"dq-sweep\""), html.find("<h2>Throughput against transfer size</h2>"));
  EXPECT_LT(html.find("<h2>Selftest matrix</h2>"), html.find("<h2>All results</h2>"));
}

}  // namespace
}  // namespace dextqual::reports
