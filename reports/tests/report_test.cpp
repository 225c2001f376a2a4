// The model's derived values: a test's warnings in the order the suite numbered them, and counts that
// partition the tests so no verdict hides in another's number.
#include "reports/report.h"

#include <gtest/gtest.h>

namespace dextqual::reports {
namespace {

TEST(Report, WarningsAreTheWarningPropertiesInNumberOrder) {
  TestResult test{.suite = "scsi", .name = "Read.Protect", .verdict = Verdict::warn};
  test.properties = {{"warning.10", "ten"},  {"warning.2", "two"},    {"warning", "plain"},
                     {"warning.x", "named"}, {"warnings", "not one"}, {"warning.", "not one either"},
                     {"sweep_ok.512", "1"},  {"warning.0", "zero"}};
  EXPECT_EQ(test.warnings(), (std::vector<std::string>{"plain", "zero", "two", "ten", "named"}));
  EXPECT_TRUE(TestResult{}.warnings().empty());
}

// The runner makes a WARN from the suite's output as it runs; the properties come with the XML, which a
// suite that crashed later never writes. The message then stands for the warnings.
TEST(Report, AWarnWithoutWarningPropertiesHasItsMessage) {
  TestResult warn{.suite = "scsi", .name = "Read.Protect", .verdict = Verdict::warn};
  warn.message = "SBC-3 5.8 should: ... (and 1 more warnings)";
  EXPECT_EQ(warn.warnings(), std::vector<std::string>{warn.message});
  TestResult pass{.suite = "scsi", .name = "Read.Protect", .verdict = Verdict::pass, .message = "fine"};
  EXPECT_TRUE(pass.warnings().empty());  // only a WARN's message stands for its warnings
}

TEST(Report, CountsPartitionTheTests) {
  Report report;
  std::vector<TestResult> tests;
  for (const auto verdict : {Verdict::pass, Verdict::pass, Verdict::warn, Verdict::xfail, Verdict::xfail,
                             Verdict::skipped, Verdict::fail, Verdict::xpass, Verdict::timeout}) {
    tests.push_back({.suite = "s", .name = "T.N", .verdict = verdict});
  }
  report.suites = {{"s", "/s", {tests.begin(), tests.begin() + 4}},
                   {"t", "/t", {tests.begin() + 4, tests.end()}}};
  const auto counts = report.counts();
  EXPECT_EQ(counts.passed, 2);
  EXPECT_EQ(counts.warnings, 1);
  EXPECT_EQ(counts.expected_failures, 2);
  EXPECT_EQ(counts.skipped, 1);
  EXPECT_EQ(counts.failed, 3);  // FAIL, XPASS, TIMEOUT: what the exit code reads
  EXPECT_EQ(counts.by_verdict.at(Verdict::xfail), 2);
  EXPECT_EQ(counts.by_verdict.at(Verdict::warn), 1);
}

}  // namespace
}  // namespace dextqual::reports
