// The console: plain lines in a pipe, a redrawn progress line on a terminal, colour only when
// allowed, and always the summary line last.
#include "reports/console_reporter.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <thread>

#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

std::vector<std::string> names(int n) {
  std::vector<std::string> tests;
  for (int i = 0; i < n; ++i) tests.push_back("rawio :: T." + std::to_string(i));
  return tests;
}

ConsoleTiming fixed_clock(std::chrono::milliseconds heartbeat = std::chrono::seconds(60)) {
  return {.heartbeat = heartbeat, .clock = [] { return std::string("12:00:00"); }};
}

TEST(ConsoleReporter, PlainLinesEndWithTheSummary) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = false, .color = false}, fixed_clock());
  const auto report = testing::sample_report();
  console.plan(names(10));
  for (const auto& test : report.suites.front().tests) {
    console.test_started(test.suite, test.name);
    console.test_finished(test);
  }
  console.finish(report);
  const auto text = out.str();
  EXPECT_NE(text.find("12:00:00 dextqual: 10 tests to run; times are UTC"), std::string::npos);
  EXPECT_NE(text.find("12:00:00 START rawio :: TransferSize.Sweep (1 of 10)\n"), std::string::npos);
  EXPECT_NE(text.find("12:00:00 PASS: rawio :: TransferSize.Sweep (1 of 10, 0.25s)\n"), std::string::npos);
  EXPECT_NE(text.find("FAIL: rawio :: TransferSize.Bad (2 of 10"), std::string::npos);
  EXPECT_NE(text.find("XFAIL: rawio :: Expected.Failure (4 of 10, 0.25s) - expected failure (blame: driver)"),
            std::string::npos);
  EXPECT_NE(text.find("reproduce: build/rawio --gtest_filter=TransferSize.Bad"), std::string::npos);
  EXPECT_EQ(text.find('\033'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_TRUE(text.ends_with("1 passed, 6 failed, 1 skipped, 1 expected failure, 1 warning\n")) << text;
}

// XFAIL and WARN are counted apart from passes; a run without them keeps the three-number line.
TEST(ConsoleReporter, SummaryLineCountsExpectedFailuresAndWarningsApart) {
  EXPECT_EQ(ConsoleReporter::summary_line(
                {.passed = 140, .failed = 0, .skipped = 20, .expected_failures = 44, .warnings = 2}),
            "140 passed, 0 failed, 20 skipped, 44 expected failures, 2 warnings");
  EXPECT_EQ(ConsoleReporter::summary_line({.passed = 3, .failed = 1, .skipped = 0}),
            "3 passed, 1 failed, 0 skipped");
  EXPECT_EQ(ConsoleReporter::summary_line({.passed = 3, .warnings = 1}),
            "3 passed, 0 failed, 0 skipped, 1 warning");
  const auto counts = testing::sample_report().counts();
  EXPECT_EQ(counts.passed, 1);
  EXPECT_EQ(counts.expected_failures, 1);
  EXPECT_EQ(counts.warnings, 1);
  EXPECT_EQ(counts.passed + counts.failed + counts.skipped + counts.expected_failures + counts.warnings, 10);
}

// A WARN passed, yet it is shown on a terminal (passes are not), in its own colour, with its first
// warning; the end of the run lists every warning.
TEST(ConsoleReporter, WarnIsShownInItsOwnColourAndListedAtTheEnd) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = true, .color = true});
  const auto report = testing::sample_report();
  const auto& warn = report.suites.front().tests.back();
  ASSERT_EQ(warn.verdict, Verdict::warn);
  console.plan(names(1));
  console.test_started(warn.suite, warn.name);
  console.test_finished(warn);
  EXPECT_NE(out.str().find("\033[1;33mWARN\033[0m: rawio :: Rdprotect.WithoutProtection (1 of 1, 0.25s) - "
                           "SBC-3 5.8 should: RDPROTECT 011b"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("got GOOD (+1 more)\n"), std::string::npos) << out.str();
  console.finish(report);
  const auto text = out.str();
  const auto listed = text.find(
      "Warnings (not failures: a *should* of the standard not met, or errors the host recovered from):\n");
  ASSERT_NE(listed, std::string::npos) << text;
  EXPECT_LT(text.find("Failed tests:"), listed);
  EXPECT_NE(text.find("    SPC-4 4.5.6 should: sense data\\x07 <&>", listed), std::string::npos) << text;
  EXPECT_NE(text.find("1 WARN"), std::string::npos);  // the by-verdict line
}

TEST(ConsoleReporter, TerminalShowsProgressAndHidesPasses) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = true, .color = true});
  const auto report = testing::sample_report();
  console.plan(names(2));
  console.test_started("rawio", "TransferSize.Sweep");
  EXPECT_NE(out.str().find("[0/2] 0%  rawio :: TransferSize.Sweep"), std::string::npos);
  console.test_finished(report.suites.front().tests[0]);
  EXPECT_EQ(out.str().find("PASS:"), std::string::npos);
  console.test_started("rawio", "TransferSize.Bad");
  EXPECT_NE(out.str().find("ETA"), std::string::npos);
  console.test_finished(report.suites.front().tests[1]);
  EXPECT_NE(out.str().find("\033[1;31mFAIL\033[0m: rawio :: TransferSize.Bad"), std::string::npos);
}

// A CI log's last line names what is running, and says every so often that it still is (issue 14 §4).
TEST(ConsoleReporter, HeartbeatWhileATestRuns) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = false, .color = false},
                          fixed_clock(std::chrono::milliseconds(20)));
  console.set_progress_source([](std::string_view suite, std::string_view test) {
    return std::string(suite) + "/" + std::string(test) + ": 1.0 GiB verified";
  });
  console.plan(names(1));
  console.test_started("rawio", "TransferSize.Sweep");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // Taking the console's lock (test_finished) orders the heartbeat's writes before this read.
  console.test_finished(testing::sample_report().suites.front().tests[0]);
  const auto text = out.str();
  EXPECT_NE(
      text.find("12:00:00 still running rawio :: TransferSize.Sweep, 0 s, rawio/TransferSize.Sweep: 1.0 GiB "
                "verified\n"),
      std::string::npos)
      << text;
  const auto after_pass = text.substr(text.find("PASS:"));
  EXPECT_EQ(after_pass.find("still running"), std::string::npos) << "no heartbeat once the test ended";
}

TEST(ConsoleReporter, NoHeartbeatBetweenTests) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = false, .color = false},
                          fixed_clock(std::chrono::milliseconds(20)));
  console.plan(names(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  console.note("done waiting");
  EXPECT_EQ(out.str().find("still running"), std::string::npos) << out.str();
}

TEST(ConsoleReporter, EtaFromTheBaselineIsWhatTheRemainingTestsTookThen) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = false, .color = false}, fixed_clock());
  console.plan({"rawio :: TransferSize.Sweep", "rawio :: TransferSize.Bad", "rawio :: New.Test"});
  console.expect_durations({{"rawio :: TransferSize.Sweep", 100}, {"rawio :: TransferSize.Bad", 50}});
  console.test_started("rawio", "TransferSize.Sweep");
  // 100 + 50 + the mean (75) for the test the baseline does not know.
  EXPECT_NE(out.str().find("START rawio :: TransferSize.Sweep (1 of 3, ETA 3m45s)"), std::string::npos)
      << out.str();
  console.test_finished(testing::sample_report().suites.front().tests[0]);
  console.test_started("rawio", "TransferSize.Bad");
  EXPECT_NE(out.str().find("START rawio :: TransferSize.Bad (2 of 3, ETA 2m05s)"), std::string::npos)
      << out.str();
}

TEST(ConsoleReporter, NoColorIsHonoured) {
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(detect_console_style(1).color);
  ::unsetenv("NO_COLOR");
}

}  // namespace
}  // namespace dextqual::reports
