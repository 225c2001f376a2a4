// The console: plain lines in a pipe, a redrawn progress line on a terminal, colour only when
// allowed, and always the summary line last.
#include "reports/console_reporter.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

TEST(ConsoleReporter, PlainLinesEndWithTheSummary) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = false, .color = false});
  const auto report = testing::sample_report();
  console.plan(9);
  for (const auto& test : report.suites.front().tests) {
    console.test_started(test.suite, test.name);
    console.test_finished(test);
  }
  console.finish(report);
  const auto text = out.str();
  EXPECT_NE(text.find("PASS: rawio :: TransferSize.Sweep (1 of 9, 0.25s)\n"), std::string::npos);
  EXPECT_NE(text.find("FAIL: rawio :: TransferSize.Bad (2 of 9"), std::string::npos);
  EXPECT_NE(text.find("reproduce: build/rawio --gtest_filter=TransferSize.Bad"), std::string::npos);
  EXPECT_EQ(text.find('\033'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_TRUE(text.ends_with("2 passed, 6 failed, 1 skipped\n")) << text;
}

TEST(ConsoleReporter, TerminalShowsProgressAndHidesPasses) {
  std::ostringstream out;
  ConsoleReporter console(out, {.terminal = true, .color = true});
  const auto report = testing::sample_report();
  console.plan(2);
  console.test_started("rawio", "TransferSize.Sweep");
  EXPECT_NE(out.str().find("[0/2] 0%  rawio :: TransferSize.Sweep"), std::string::npos);
  console.test_finished(report.suites.front().tests[0]);
  EXPECT_EQ(out.str().find("PASS:"), std::string::npos);
  console.test_started("rawio", "TransferSize.Bad");
  EXPECT_NE(out.str().find("ETA"), std::string::npos);
  console.test_finished(report.suites.front().tests[1]);
  EXPECT_NE(out.str().find("\033[1;31mFAIL\033[0m: rawio :: TransferSize.Bad"), std::string::npos);
}

TEST(ConsoleReporter, NoColorIsHonoured) {
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(detect_console_style(1).color);
  ::unsetenv("NO_COLOR");
}

}  // namespace
}  // namespace dextqual::reports
