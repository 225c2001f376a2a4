// `dextqual diff`'s library: each section finds its change, and says "no change" when there is none.
#include "reports/run_diff.h"

#include <gtest/gtest.h>

namespace dextqual::reports {
namespace {

LoadedRun run_named(const std::string& label) {
  LoadedRun run;
  run.label = label;
  run.report.dut = {.kind = "simdext", .vendor = "DEXTQUAL", .product = "SIMDEXT RAID0", .serial = "S1"};
  TestResult sweep{.suite = "rawio", .name = "RawTransferSizes.Sweep", .verdict = Verdict::pass};
  sweep.properties = {{"limit_bytes.write", "524288"}, {"transfers", "40"}};
  sweep.measurements = {{"limit_bytes.write", 524288}, {"throughput", 100}};
  TestResult identity{.suite = "scsi", .name = "Identity.Protocol", .verdict = Verdict::pass};
  identity.properties = {{"protocol.physical_interconnect", "Fibre Channel Interface"}};
  run.report.suites = {{"rawio", "", {sweep}}, {"scsi", "", {identity}}};
  run.report.commands = std::vector<CommandCount>{{"WRITE(10)", 524288, "ok", 20, 524288}};
  return run;
}

TEST(RunDiff, TheSameRunTwiceHasNoChangeInAnySection) {
  const auto a = run_named("A");
  const auto diff = diff_runs(a, a);
  EXPECT_TRUE(diff.regressions.empty());
  EXPECT_TRUE(diff.measurements.empty());
  EXPECT_TRUE(diff.limits.empty());
  EXPECT_TRUE(diff.commands_compared);
  EXPECT_TRUE(diff.command_diagnosis.empty());
  const auto text = render_diff_text(diff, 10);
  EXPECT_NE(text.find("== Verdicts ==\n  no change"), std::string::npos) << text;
  EXPECT_NE(
      text.find(
          "== Published transfer limits ==\n  no change\n  the same in both: limit_bytes.write = 512 KiB"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("no change: every opcode reached the same largest size"), std::string::npos);
}

TEST(RunDiff, FindsARegressionAndItsCauseAndTheCommandsBehindIt) {
  const auto a = run_named("clean");
  auto b = run_named("f2");
  auto& sweep = b.report.suites[0].tests[0];
  sweep.verdict = Verdict::fail;
  sweep.message = "write of 131072 bytes: EIO";
  b.report.commands = std::vector<CommandCount>{{"WRITE(10)", 65536, "ok", 90, 65536}};
  const auto diff = diff_runs(a, b);
  ASSERT_EQ(diff.regressions.size(), 1u);
  EXPECT_EQ(diff.regressions[0].test, "rawio :: RawTransferSizes.Sweep");
  EXPECT_NE(diff.regressions[0].cause.find("EIO"), std::string::npos);
  ASSERT_EQ(diff.commands.size(), 1u);
  EXPECT_EQ(diff.commands[0], "WRITE(10) above 64 KiB: A received 20 (largest 512 KiB), B received none");
  // B published 512 KiB (limit_bytes.write) yet passed on nothing above 64 KiB: F2 in one sentence.
  ASSERT_EQ(diff.command_diagnosis.size(), 1u);
  EXPECT_EQ(
      diff.command_diagnosis[0].substr(0, 98),
      "B published a write limit of 512 KiB but the device received no WRITE(10) above 64 KiB; A received");
  EXPECT_EQ(to_json(diff)["regressions"].size(), 1u);
  const auto fixed = diff_runs(b, a);
  EXPECT_TRUE(fixed.regressions.empty());
  EXPECT_EQ(fixed.fixes.size(), 1u);
}

TEST(RunDiff, MeasurementsMoveOnlyBeyondTheThreshold) {
  const auto a = run_named("A");
  auto b = run_named("B");
  b.report.suites[0].tests[0].measurements[1].value = 108;  // +8 %
  EXPECT_TRUE(diff_runs(a, b, 10).measurements.empty());
  const auto tight = diff_runs(a, b, 5);
  ASSERT_EQ(tight.measurements.size(), 1u);
  EXPECT_EQ(tight.measurements[0].name, "rawio :: RawTransferSizes.Sweep :: throughput");
  EXPECT_NEAR(*tight.measurements[0].percent, 8.0, 1e-9);
}

TEST(RunDiff, ASweepsChangedSizesAreOneLineInSizeOrder) {
  const auto a = run_named("A");
  auto b = run_named("B");
  auto& measurements = b.report.suites[0].tests[0].measurements;
  auto& before = const_cast<std::vector<Measurement>&>(a.report.suites[0].tests[0].measurements);
  for (const char* size : {"1048576", "131072", "65536"}) {
    before.push_back({std::string("sweep_ok.") + size, 1});
    measurements.push_back({std::string("sweep_ok.") + size, size == std::string("65536") ? 1.0 : 0.0});
  }
  const auto text = render_diff_text(diff_runs(a, b), 10);
  EXPECT_NE(text.find("rawio :: RawTransferSizes.Sweep :: sweep_ok at 128 KiB, 1 MiB: A 1, B 0 (-100.0%)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("== Protocol characteristics ==\n  no change\n  the same in both: "
                      "protocol.physical_interconnect = Fibre Channel Interface"),
            std::string::npos)
      << text;
}

TEST(RunDiff, IdentityLimitsProtocolAndTheMissingTraceAreSaid) {
  const auto a = run_named("A");
  auto b = run_named("B");
  b.report.dut.serial = "S2";
  b.report.suites[0].tests[0].properties["limit_bytes.write"] = "65536";
  b.report.suites[1].tests[0].properties["protocol.physical_interconnect"] = "SCSI";
  b.report.commands.reset();  // a real device
  b.report.suites.push_back(
      {"perf", "", {{.suite = "perf", .name = "Throughput.X", .verdict = Verdict::pass}}});
  const auto diff = diff_runs(a, b);
  ASSERT_EQ(diff.identity.size(), 1u);
  EXPECT_EQ(diff.identity[0].name, "serial");
  ASSERT_EQ(diff.limits.size(), 1u);
  EXPECT_EQ(diff.limits[0].b, "64 KiB");
  ASSERT_EQ(diff.protocol.size(), 1u);
  EXPECT_EQ(diff.protocol[0].a, "Fibre Channel Interface");
  EXPECT_EQ(diff.only_in_b, std::vector<std::string>{"perf :: Throughput.X"});
  EXPECT_FALSE(diff.commands_compared);
  EXPECT_NE(diff.commands_note.find("no command trace in B (B)"), std::string::npos) << diff.commands_note;
}

}  // namespace
}  // namespace dextqual::reports
