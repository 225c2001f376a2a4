// The runner against fake suite binaries, one per way a real suite can behave (STYLE.md rule 10):
// each ends as the right verdict, nothing vanishes, and junit.xml always validates.
#include <signal.h>

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "runner/tests/runner_harness.h"

namespace dextqual::runner::testing {
namespace {

TEST(FakeSuites, PassingSuiteExitsZeroWithMeasurements) {
  const auto run = run_fake("pass", "fakepass");
  EXPECT_EQ(run.outcome.exit_code, 0) << run.console();
  EXPECT_EQ(run.verdict("fakepass", "Fake.PassesQuickly"), "PASS");
  EXPECT_EQ(run.verdict("fakepass", "Fake.DISABLED_NeverRuns"), "SKIPPED");
  EXPECT_EQ(run.junit_problems, "");
  const auto* measured = run.test("fakepass", "Fake.RecordsThroughput");
  ASSERT_NE(measured, nullptr);
  EXPECT_EQ((*measured)["properties"]["note"], "not a number");
  EXPECT_EQ((*measured)["measurements"].size(), 2u);
  EXPECT_TRUE(run.console().find("2 passed, 0 failed, 1 skipped") != std::string::npos) << run.console();
  EXPECT_TRUE(std::filesystem::exists(run.report_dir / "report.html"));
}

TEST(FakeSuites, FailureCarriesReasonAndReproducer) {
  const auto run = run_fake("fail", "fakefail");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakefail", "Fake.PassesFirst"), "PASS");
  EXPECT_EQ(run.verdict("fakefail", "Fake.FailsWithReason"), "FAIL");
  EXPECT_EQ(run.verdict("fakefail", "Fake.PassesAfter"), "PASS");
  EXPECT_EQ(run.verdict("fakefail", "Kib/Sizes.FailsForLargeOnes/0"), "PASS");
  EXPECT_EQ(run.verdict("fakefail", "Kib/Sizes.FailsForLargeOnes/1"), "FAIL");  // ", where GetParam() = 128"
  const auto* failed = run.test("fakefail", "Fake.FailsWithReason");
  ASSERT_NE(failed, nullptr);
  // The failure's location follows the reason; the file is named relative to the source tree
  // (-ffile-prefix-map: no build machine's path in a binary).
  const auto message = (*failed)["message"].get<std::string>();
  EXPECT_NE(message.find("EIO at 128 KiB, 64 KiB works ("), std::string::npos) << message;
  EXPECT_NE(message.find("runner/tests/fake_suite.cpp:"), std::string::npos) << message;
  EXPECT_NE((*failed)["detail"].get<std::string>().find("EIO at 128 KiB, 64 KiB works"), std::string::npos);
  EXPECT_NE((*failed)["reproducer"].get<std::string>().find("--gtest_filter='Fake.FailsWithReason'"),
            std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(run.report_dir / "logs/fakefail/Fake.FailsWithReason.log"));
  EXPECT_EQ(run.junit_problems, "");
  EXPECT_TRUE(run.console().ends_with("3 passed, 2 failed, 0 skipped\n")) << run.console();
}

// Issue 10 §3: a failing station hook is an ERROR of the test that called it, with its exit status.
TEST(FakeSuites, AStationHookFailureIsAnErrorWithTheExitStatus) {
  const auto run = run_fake("stationerror", "fakestationerror");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakestationerror", "Fake.HookFails"), "ERROR");
  EXPECT_EQ(run.verdict("fakestationerror", "Fake.PlainFailureStaysFail"), "FAIL");
  EXPECT_EQ(run.verdict("fakestationerror", "Fake.PassesAfter"), "PASS");
  const auto* errored = run.test("fakestationerror", "Fake.HookFails");
  ASSERT_NE(errored, nullptr);
  EXPECT_EQ((*errored)["message"], "station hook power_cycle failed: exit status 3");
  EXPECT_EQ((*errored)["kind"], "station-hook");
  EXPECT_EQ(run.junit_problems, "");
}

TEST(FakeSuites, SkipKeepsItsReason) {
  const auto run = run_fake("skip", "fakeskip");
  EXPECT_EQ(run.outcome.exit_code, 0);
  const auto* skipped = run.test("fakeskip", "Fake.SkipsWithReason");
  ASSERT_NE(skipped, nullptr);
  EXPECT_EQ((*skipped)["verdict"], "SKIPPED");
  EXPECT_EQ((*skipped)["message"], "requires scsi_passthrough(): the DUT has no pass-through");
}

TEST(FakeSuites, HangIsATimeoutAndTheRestStillRun) {
  const auto run = run_fake("hang", "fakehang", {"--timeout-per-test", "1"});
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakehang", "Fake.PassesBefore"), "PASS");
  EXPECT_EQ(run.verdict("fakehang", "Fake.HangsForever"), "TIMEOUT");
  EXPECT_EQ(run.verdict("fakehang", "Fake.PassesAfterTheHang"), "PASS");
  EXPECT_LT(run.outcome.duration, std::chrono::seconds(30));
  EXPECT_EQ(run.junit_problems, "");
}

TEST(FakeSuites, CrashAndExitMidTestAreBlamedOnTheTestAndTheRestRun) {
  const auto run = run_fake("crash", "fakecrash");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakecrash", "Fake.PassesBefore"), "PASS");
  EXPECT_EQ(run.verdict("fakecrash", "Fake.CrashesMidTest"), "ERROR");
  EXPECT_EQ(run.verdict("fakecrash", "Fake.PassesAfterTheCrash"), "PASS");
  EXPECT_EQ(run.verdict("fakecrash", "Fake.ExitsInsideTheTest"), "ERROR");
  EXPECT_EQ(run.verdict("fakecrash", "Fake.PassesLast"), "PASS");
  const auto* crashed = run.test("fakecrash", "Fake.CrashesMidTest");
  ASSERT_NE(crashed, nullptr);
  EXPECT_NE((*crashed)["message"].get<std::string>().find("SIGABRT"), std::string::npos);
  EXPECT_NE((*crashed)["detail"].get<std::string>().find("about to crash, no newline yet"),
            std::string::npos);
  const auto* exited = run.test("fakecrash", "Fake.ExitsInsideTheTest");
  EXPECT_NE((*exited)["message"].get<std::string>().find("exited with code 0"), std::string::npos);
  EXPECT_EQ(run.junit_problems, "");
}

TEST(FakeSuites, ExitZeroWithoutResultsIsUnresolved) {
  const auto run = run_fake("noresults", "fakenoresults");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakenoresults", "Fake.WouldPass"), "UNRESOLVED");
  EXPECT_EQ(run.verdict("fakenoresults", "Fake.WouldAlsoPass"), "UNRESOLVED");
  EXPECT_NE(run.test("fakenoresults", "Fake.WouldPass")->value("message", "").find("ran no tests"),
            std::string::npos);
}

TEST(FakeSuites, ZeroTestsAndUnlistableBinariesDoNotVanish) {
  const auto run = run_fake("zero", "fakezero,fakeunlistable");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakezero", "[listing]"), "UNRESOLVED");
  EXPECT_EQ(run.verdict("fakeunlistable", "[listing]"), "UNRESOLVED");
  EXPECT_EQ(run.junit_problems, "");
}

TEST(FakeSuites, FailingGlobalSetUpIsAHarnessResult) {
  const auto run = run_fake("setupfail", "fakesetupfail");
  EXPECT_EQ(run.outcome.exit_code, 1) << run.console();
  EXPECT_EQ(run.verdict("fakesetupfail", "[harness]"), "UNRESOLVED") << run.console();
}

TEST(FakeSuites, GrandchildrenAreKilled) {
  const auto dir = scratch_dir("grandchild-pid");
  const auto pidfile = dir / "pid";
  auto spec = dextqual_spec(
      {"run", "--no-dut", "--suites", "fakegrandchild", "--report-dir", (dir / "report").string()});
  spec.env["FAKE_SUITE_PIDFILE"] = pidfile.string();
  const auto run = read_run(process::run_child(spec), dir / "report");
  EXPECT_EQ(run.verdict("fakegrandchild", "Fake.LeavesAGrandchild"), "PASS") << run.console();
  int pid = 0;
  std::ifstream(pidfile) >> pid;
  ASSERT_GT(pid, 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    gone = !std::getline(stat, text) || text.find(") Z") != std::string::npos;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone) << "grandchild " << pid << " survived";
  if (!gone) ::kill(pid, SIGKILL);
}

TEST(FakeSuites, InvalidUtf8AndControlCharactersStayValid) {
  const auto run = run_fake("garbage", "fakegarbage");
  EXPECT_EQ(run.verdict("fakegarbage", "Fake.PrintsGarbage"), "FAIL");
  EXPECT_EQ(run.junit_problems, "");
  EXPECT_TRUE(run.summary.is_object()) << "summary.json must stay parseable";
}

TEST(FakeSuites, MegabytesOfOutputAreCutInTheReportAndKeptInTheLog) {
  const auto run = run_fake("megabytes", "fakemegabytes");
  EXPECT_EQ(run.verdict("fakemegabytes", "Fake.PrintsMegabytes"), "FAIL");
  EXPECT_EQ(run.junit_problems, "");
  EXPECT_LT(std::filesystem::file_size(run.report_dir / "junit.xml"), 512u * 1024);
  EXPECT_GT(std::filesystem::file_size(run.report_dir / "logs/fakemegabytes/launch-1.log"), 20u << 20);
}

TEST(FakeSuites, UsageErrorsExitTwo) {
  const auto dir = scratch_dir("usage");
  EXPECT_EQ(process::run_child(dextqual_spec({"run", "--no-dut", "--suites", "nosuchsuite", "--report-dir",
                                              (dir / "r").string()}))
                .exit_code,
            2);
  EXPECT_EQ(process::run_child(dextqual_spec({"run", "--no-dut", "--suites", "fakepass", "--filter",
                                              "NoSuch*", "--report-dir", (dir / "r2").string()}))
                .exit_code,
            2);
  EXPECT_EQ(process::run_child(dextqual_spec({"frobnicate"})).exit_code, 2);
  EXPECT_EQ(process::run_child(dextqual_spec({"--version"})).exit_code, 0);
}

TEST(FakeSuites, BaselineNamesRegressionsAndFixes) {
  const auto first = run_fake("baseline-first", "fakepass");
  ASSERT_TRUE(first.summary.is_object());
  auto edited = first.summary;  // pretend PassesQuickly failed last time and RecordsThroughput passed
  for (auto& test : edited["tests"]) {
    if (test["name"] == "Fake.PassesQuickly") test["failure"] = true;
  }
  const auto dir = scratch_dir("baseline");
  std::ofstream(dir / "baseline.json") << edited.dump();
  const auto run = run_fake("baseline-second", "fakepass", {"--baseline", (dir / "baseline.json").string()});
  EXPECT_NE(run.console().find("against the baseline: 0 regressions, 1 fixed"), std::string::npos)
      << run.console();
  EXPECT_NE(run.console().find("fixed: fakepass :: Fake.PassesQuickly"), std::string::npos);
}

TEST(FakeSuites, ExpectationsTurnFailIntoXfailAndPassIntoXpass) {
  const auto dir = scratch_dir("expectations");
  const auto entry = [](const std::string& tests, const std::string& failure) {
    return "[[expect]]\ntests = \"" + tests + "\"\nfailure = \"" + failure +
           "\"\nblame = \"driver\"\nreason = \"F2\"\n";
  };
  std::ofstream(dir / "expect.toml") << entry("fakefail:*FailsWithReason", "EIO at 128 KiB")
                                     << entry("fakefail:*PassesAfter", "anything")
                                     << entry("fakefail:Fake.NoSuchTest", "anything");
  const auto run =
      run_fake("expectations-run", "fakefail", {"--expectations", (dir / "expect.toml").string()});
  EXPECT_EQ(run.verdict("fakefail", "Fake.FailsWithReason"), "XFAIL");
  EXPECT_EQ(run.verdict("fakefail", "Fake.PassesAfter"), "XPASS");
  // A stale entry fails `dextqual run` itself, not only `dextqual judge`.
  EXPECT_EQ(run.verdict("dextqual", "expectations.stale: fakefail:Fake.NoSuchTest"), "FAIL") << run.console();
  EXPECT_EQ(run.outcome.exit_code, 1);  // XPASS and the stale entry are failures
  EXPECT_EQ(run.junit_problems, "");
  std::ofstream(dir / "other.toml") << entry("fakefail:*FailsWithReason", "torn write");
  const auto other =
      run_fake("expectations-other", "fakefail", {"--expectations", (dir / "other.toml").string()});
  EXPECT_EQ(other.verdict("fakefail", "Fake.FailsWithReason"), "FAIL")
      << "a different failure is not expected";
  EXPECT_NE(other.console().find("failed differently from its recorded expectation (expected /torn write/)"),
            std::string::npos)
      << other.console();
}

TEST(FakeSuites, AShouldDeviationIsAWarnAndNotAFailure) {
  const auto run = run_fake("warn", "fakewarn", {});
  EXPECT_EQ(run.verdict("fakewarn", "Fake.PassesWithAWarning"), "WARN") << run.console();
  EXPECT_EQ(run.verdict("fakewarn", "Fake.PassesPlainly"), "PASS");
  EXPECT_EQ(run.verdict("fakewarn", "Fake.FailsAfterAWarning"), "FAIL");
  EXPECT_EQ(run.outcome.exit_code, 1);  // the FAIL, not the WARN
  EXPECT_EQ(run.junit_problems, "");
  const auto only_warn = run_fake("warn-only", "fakewarn", {"--filter", "Fake.Passes*"});
  EXPECT_EQ(only_warn.outcome.exit_code, 0) << only_warn.console();
}

}  // namespace
}  // namespace dextqual::runner::testing
