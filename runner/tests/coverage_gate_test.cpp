#include "runner/coverage_gate.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

using reports::Verdict;

reports::TestResult test(std::string suite, std::string name, Verdict verdict, std::string message = {}) {
  reports::TestResult result;
  result.suite = std::move(suite);
  result.name = std::move(name);
  result.verdict = verdict;
  result.message = std::move(message);
  return result;
}

reports::TestResult ran_with(std::string suite, std::string name, std::string requirement) {
  auto result = test(std::move(suite), std::move(name), Verdict::pass);
  result.properties["requires." + requirement] = "met";
  return result;
}

reports::Report report_of(std::vector<reports::TestResult> tests) {
  reports::Report report;
  for (auto& t : tests) {
    auto suite = std::find_if(report.suites.begin(), report.suites.end(),
                              [&](const auto& s) { return s.name == t.suite; });
    if (suite == report.suites.end())
      suite = report.suites.insert(report.suites.end(), reports::SuiteReport{t.suite, "", {}});
    suite->tests.push_back(std::move(t));
  }
  return report;
}

GateCheck only(const std::vector<GateCheck>& checks) {
  EXPECT_EQ(checks.size(), 1u);
  return checks.front();
}

// The case: a plain loop device without --allow-data-loss.
TEST(CoverageGate, DestructiveSkipsFailTheGateWithTheirReason) {
  const auto report = report_of(
      {test("rawio", "TransferSize.Sweep", Verdict::skipped, "requires data_loss_allowed: destructive test"),
       test("rawio", "EndOfDevice.Write", Verdict::skipped, "requires data_loss_allowed: destructive test"),
       ran_with("rawio", "Read.Works", "raw_node")});
  const auto check = only(evaluate_coverage_gate(report, {{"destructive"}, -1}));
  EXPECT_FALSE(check.passed);
  EXPECT_EQ(check.name, "coverage.require destructive");
  EXPECT_EQ(check.reason,
            "coverage gate: required capability 'destructive' not covered: 2 tests skipped (requires "
            "data_loss_allowed: destructive test)");
  EXPECT_NE(check.detail.find("rawio :: EndOfDevice.Write"), std::string::npos);
  const auto result = gate_result(check);
  EXPECT_EQ(result.verdict, Verdict::fail);
  EXPECT_EQ(result.classname(), "dextqual.coverage");
  EXPECT_EQ(result.case_name(), "require destructive");
}

TEST(CoverageGate, ACapabilityIsCoveredWhenATestRanWithItAndNoneSkipped) {
  const auto report = report_of({ran_with("rawio", "TransferSize.Sweep", "data_loss_allowed"),
                                 test("scsi", "Read.Fua", Verdict::skipped, "READ(6) has no FUA bit")});
  const auto check = only(evaluate_coverage_gate(report, {{"destructive"}, -1}));
  EXPECT_TRUE(check.passed) << check.reason;
  EXPECT_EQ(gate_result(check).verdict, Verdict::pass);
}

TEST(CoverageGate, AnExpectedFailureOrAWarningCoversNothing) {
  auto xfailed = ran_with("persistence", "PowerCut.MustSurvive", "power_cut_supported");
  xfailed.verdict = Verdict::xfail;
  auto warned = ran_with("persistence", "PowerCut.Other", "power_cut_supported");
  warned.verdict = Verdict::warn;
  const auto check = only(evaluate_coverage_gate(report_of({xfailed, warned}), {{"power-cut"}, -1}));
  EXPECT_FALSE(check.passed) << check.reason;
}

TEST(CoverageGate, NoTestOfItInThePlanIsNotCoveredAndSaysSo) {
  const auto report = report_of({ran_with("rawio", "TransferSize.Sweep", "data_loss_allowed")});
  const auto check = only(evaluate_coverage_gate(report, {{"power-cut"}, -1}));
  EXPECT_FALSE(check.passed);
  EXPECT_NE(check.reason.find("no test of it is in the plan"), std::string::npos) << check.reason;
}

TEST(CoverageGate, ItsTestsSkippedForAnotherRequirementIsNotCovered) {
  const auto report = report_of({test("persistence", "PowerCut.MustSurvive", Verdict::skipped,
                                      "requires data_loss_allowed: destructive test")});
  const auto check = only(evaluate_coverage_gate(report, {{"power-cut"}, -1}));
  EXPECT_FALSE(check.passed);
  EXPECT_NE(check.reason.find("skipped for another requirement first"), std::string::npos) << check.reason;
  EXPECT_NE(check.detail.find("requires data_loss_allowed"), std::string::npos) << check.detail;
}

TEST(CoverageGate, AnUnsupportedDeviceEventCountsAgainstItsCapability) {
  const auto report = report_of({test("hotplug", "Hotplug.DetachAttachCyclesWithIoInFlight", Verdict::skipped,
                                      "requires detach_supported: detach on this DUT: no replug hook")});
  const auto check = only(evaluate_coverage_gate(report, {{"hotplug"}, -1}));
  EXPECT_FALSE(check.passed);
  EXPECT_NE(check.reason.find("1 test skipped (requires detach_supported"), std::string::npos)
      << check.reason;
}

TEST(CoverageGate, MaxSkipsCountsEverySkipButTheGatesOwn) {
  const auto report = report_of({test("scsi", "A.B", Verdict::skipped, "READ(6) has no FUA bit"),
                                 test("scsi", "A.C", Verdict::skipped, "requires scsi_passthrough: none"),
                                 test("scsi", "A.D", Verdict::fail),
                                 test(kGateSuite, "coverage.require x", Verdict::skipped, "not counted")});
  EXPECT_TRUE(only(evaluate_coverage_gate(report, {{}, 2})).passed);
  const auto check = only(evaluate_coverage_gate(report, {{}, 1}));
  EXPECT_FALSE(check.passed);
  EXPECT_EQ(check.name, "coverage.max-skips 1");
  EXPECT_EQ(check.reason, "coverage gate: 2 tests skipped, more than --max-skips 1");
  EXPECT_NE(check.detail.find("1 x requires scsi_passthrough"), std::string::npos) << check.detail;
}

TEST(CoverageGate, UnknownCapabilitiesAreAUsageErrorListingTheKnownOnes) {
  const auto parsed = parse_capabilities({"destructive", "teleport"});
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().exit_code, kUsageError);
  EXPECT_NE(
      parsed.error().reason.find("no capability 'teleport' (known: destructive, passthrough, power-cut"),
      std::string::npos)
      << parsed.error().reason;
  EXPECT_EQ(parse_capabilities({"hotplug", "hotplug", "reboot"}).value(),
            (std::vector<std::string>{"hotplug", "reboot"}));
  EXPECT_TRUE(evaluate_coverage_gate(reports::Report{}, {}).empty());
}

}  // namespace
}  // namespace dextqual::runner
