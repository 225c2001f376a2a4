// Failures group by their diagnosis, not by GoogleTest's assertion boilerplate; numbers, paths and
// errno spellings do not split a group. The texts are taken from real runs (see the comments).
#include "reports/failure_causes.h"

#include <gtest/gtest.h>

#include <iostream>

#include "reports/html_report.h"
#include "reports/tests/f2_failure_texts.h"
#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

TestResult failure(std::string detail) {
  TestResult test;
  test.suite = "s";
  test.name = "T.t";
  test.verdict = Verdict::fail;
  test.detail = std::move(detail);
  return test;
}

// `dextqual run --sim f2-max-transfer-64k`, limits suite.
constexpr std::string_view kF2Limits =
    "../suites/limits/published_limits_test.cpp:29\nValue of: analysis.has_errors()\n  Actual: true\n"
    "Expected: false\nthe published transfer limits are inconsistent:\n[error macOS-1] maxTransferSize 64 "
    "KiB < "
    "effective published read limit E = 512 KiB (bound by IOMaximumByteCountRead 512 KiB): read requests "
    "between 64 KiB and 512 KiB fail with EIO instead of being split (F2)\n";

TEST(FailureCauses, GoogleTestBoilerplateIsNotTheCause) {
  // The introducing line ends with ':', so the line it introduces comes with it (cut for a heading).
  EXPECT_TRUE(failure_cause(failure(std::string(kF2Limits)))
                  .starts_with("the published transfer limits are inconsistent: [error macOS-1] "
                               "maxTransferSize 64 KiB < effective published read limit E = 512 KiB"));
  const auto lines = diagnosis_lines(
      "x_test.cpp:12: Failure\nExpected equality of these values:\n  rc\n    Which is: -1\n  0\n"
      "write of 131072 B at 0: EIO\nGoogle Test trace:\nx_test.cpp:9: cycle 1 of 2\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "write of 131072 B at 0: EIO");
}

TEST(FailureCauses, OnlyBoilerplateFallsBackToTheMessageThenTheKind) {
  auto test = failure("x.cpp:3\nExpected: (a) <= (b), actual: 4 vs 3\n");
  test.message = "Expected: (a) <= (b), actual: 4 vs 3";
  EXPECT_EQ(failure_cause(test), "Expected: (a) <= (b), actual: 4 vs 3");
  EXPECT_EQ(
      failure_cause(failure("x.cpp:58\nValue of: zero_fill(*device, kArea).has_value()\n  Actual: false\n"
                            "Expected: true\nGoogle Test trace:\nx.cpp:46: cycle 1 of 2")),
      "zero_fill(*device, kArea).has_value() is false");
  TestResult hung;
  hung.verdict = Verdict::timeout;
  hung.kind = "timeout";
  EXPECT_EQ(failure_cause(hung), "timeout");
}

TEST(FailureCauses, SizesNumbersPathsAndErrnoSpellingsDoNotSplitAGroup) {
  EXPECT_EQ(cause_key("write: EIO at 66048 B, 64 KiB works (9 sizes fail)"),
            cause_key("write: EIO at 128 KiB, 64 KiB works (2 sizes fail)"));
  EXPECT_EQ(cause_key("write to /dev/loop3 failed: Input/output error"),
            cause_key("write to /dev/loop12 failed: EIO"));
  EXPECT_EQ(cause_key("pwrite at 0x1f000: errno 5"), cause_key("pwrite at 0x0: EIO"));
  EXPECT_NE(cause_key("write: EIO at 128 KiB"), cause_key("read: EIO at 128 KiB"));
  EXPECT_NE(cause_key("F2: EIO"), cause_key("F10: EIO"));  // fault names are not numbers
}

TEST(FailureCauses, TheF2RunIsOneEioCauseLedByTheSweep) {
  Report report;
  report.suites.push_back({"f2", "", {}});
  for (const auto& [name, detail] : testing::kF2Failures) {
    auto test = failure(detail);
    test.name = name;
    if (name.starts_with("rawio.RawTransferSizes")) test.measurements = {{"sweep_ok.66048", 0}};
    report.suites[0].tests.push_back(test);
  }
  const auto groups = group_failures(report);
  ASSERT_GE(groups.size(), 1u);
  EXPECT_EQ(groups[0].error, "EIO");
  EXPECT_EQ(groups[0].cause, "write: EIO at 66048 B, 64 KiB works (14 sizes fail)");
  EXPECT_GE(groups[0].tests.size(), 20u);  // mkfs, fio, raw writes, the sweep: one EIO
  std::string rest;
  for (std::size_t i = 1; i < groups.size(); ++i) {
    rest += groups[i].cause + " (" + std::to_string(groups[i].tests.size()) + ")\n";
  }
  // Left out of the EIO group only what names no errno: zero_fill's bare assertion, exFAT's "format fail".
  EXPECT_LE(groups.size(), 3u) << rest;
  std::cout << "F2: " << groups[0].tests.size() << " tests share EIO; the rest:\n" << rest;
}

TEST(FailureCauses, ErrnoSpellingsAreRecognised) {
  EXPECT_EQ(errno_named("write of 128 KiB at LBA 0: EIO (Input/output error, errno 5)"), "EIO");
  EXPECT_EQ(errno_named("job 'write_1M_qd1' error 5 (Input/output error)"), "EIO");
  EXPECT_EQ(errno_named("open /dev/sdx: No such device or address"), "ENXIO");
  EXPECT_EQ(errno_named("open: No such device"), "ENODEV");
  EXPECT_EQ(errno_named("LBA 2048..2303: stale"), "");
  // An errno in a hint further down is not the cause.
  EXPECT_EQ(errno_named("x.cpp:1\nline one\nline two\nline three\nhint: F2 gives EIO\n"), "");
}

TEST(FailureCauses, GroupsLargestFirstAndKeepsEveryFailure) {
  const auto report = testing::pictures_report();
  const auto groups = group_failures(report);
  std::size_t failing = 0;
  for (const auto& group : groups) failing += group.tests.size();
  EXPECT_EQ(static_cast<int>(failing), report.counts().failed);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].cause, "write: EIO at 66048 B, 64 KiB works (9 sizes fail)");
  EXPECT_EQ(groups[0].tests.size(), 3u);  // the sweep, MisalignedBuffer and EndOfDevice
  for (std::size_t i = 1; i < groups.size(); ++i) EXPECT_LE(groups[i].tests.size(), groups[0].tests.size());
}

TEST(FailureCauses, HtmlLeadsWithTheCauseAndKeepsTheAssertionInTheDetail) {
  const auto html = render_html(testing::pictures_report());
  const auto cause =
      html.find("<section class=\"cause\" id=\"cause-1\"><h3><font color=\"#b00000\">write: EIO at 66048 B");
  ASSERT_NE(cause, std::string::npos);
  EXPECT_NE(html.find("<p class=\"cause-count\">3 tests failed with EIO:"), std::string::npos);
  const auto assertion = html.find("Value of: summary.empty()");
  ASSERT_NE(assertion, std::string::npos);
  EXPECT_LT(cause, assertion);
  EXPECT_GT(assertion, html.find("<details>", cause));  // one click away
}

}  // namespace
}  // namespace dextqual::reports
