// The per-DUT expectations file: a known failure that fails the recorded way is XFAIL with its blame,
// any other failure of the test is FAIL, a pass is XPASS, and an entry whose tests skip, are not run or
// do not exist is stale. Read strictly.
#include "runner/expectations.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dextqual::runner {
namespace {

constexpr const char* kTransferSize = R"([[expect]]
tests = "rawio:*TransferSize*"
failure = "EIO .* at 128 KiB"
blame = "driver"
reason = "F2: DMA maxTransferSize is 64 KiB"
evidence = "WRITE(10) of 256 blocks: EIO"
)";

Result<Expectations> load_text(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("dextqual-expectations-" + name + ".toml");
  std::ofstream(path) << text;
  auto loaded = Expectations::load(path);
  std::filesystem::remove(path);
  return loaded;
}

reports::TestResult failed(const std::string& name, const std::string& message,
                           const std::string& detail = "") {
  return {.suite = "rawio",
          .name = name,
          .verdict = reports::Verdict::fail,
          .message = message,
          .detail = detail};
}

TEST(Expectations, ARecordedFailureIsXfailWithItsBlame) {
  auto expectations = load_text("xfail", kTransferSize);
  ASSERT_TRUE(expectations) << expectations.error().message();
  auto result = failed("TransferSize.Sweep", "write: EIO (errno 5) at 128 KiB, 64 KiB works", "sweep.cpp:40");
  expectations->apply(result);
  EXPECT_EQ(result.verdict, reports::Verdict::xfail);
  EXPECT_EQ(result.message, "expected failure (blame: driver): F2: DMA maxTransferSize is 64 KiB");
  EXPECT_EQ(result.detail.find("write: EIO (errno 5) at 128 KiB"), 0U) << "the failure text leads the detail";
  EXPECT_NE(result.detail.find("Recorded evidence of the known failure:\nWRITE(10) of 256 blocks: EIO"),
            std::string::npos);
  EXPECT_EQ(result.properties["expectation.blame"], "driver");
}

TEST(Expectations, TheFailurePatternMayMatchTheDetailAcrossLines) {
  auto expectations = load_text("detail", kTransferSize);
  ASSERT_TRUE(expectations) << expectations.error().message();
  auto result = failed("TransferSize.Sweep", "write failed", "sweep.cpp:40\nEIO (errno 5)\nat 128 KiB");
  expectations->apply(result);
  EXPECT_EQ(result.verdict, reports::Verdict::xfail);
}

TEST(Expectations, AFailureOfAnotherKindIsAFailNamingTheRecordedOne) {
  auto expectations = load_text("differently", kTransferSize);
  ASSERT_TRUE(expectations) << expectations.error().message();
  auto result = failed("TransferSize.Sweep", "data mismatch at LBA 2048: torn write");
  expectations->apply(result);
  EXPECT_EQ(result.verdict, reports::Verdict::fail);
  EXPECT_EQ(
      result.message,
      "failed differently from its recorded expectation (expected /EIO .* at 128 KiB/): data mismatch at LBA "
      "2048: torn write");
  EXPECT_EQ(result.kind, "unexpected-failure");
}

TEST(Expectations, APassIsXpassAndOtherSuitesAreUntouched) {
  auto expectations = load_text("xpass", kTransferSize);
  ASSERT_TRUE(expectations) << expectations.error().message();
  reports::TestResult passed{
      .suite = "rawio", .name = "TransferSize.Small", .verdict = reports::Verdict::pass};
  expectations->apply(passed);
  EXPECT_EQ(passed.verdict, reports::Verdict::xpass);
  reports::TestResult other = failed("TransferSize.Sweep", "EIO at 128 KiB");
  other.suite = "scsi";
  expectations->apply(other);
  EXPECT_EQ(other.verdict, reports::Verdict::fail);
}

TEST(Expectations, EveryEntrySaysHowAndWhoseAndUnknownKeysAreErrors) {
  const std::string base = "[[expect]]\ntests = \"rawio:A.B\"\nreason = \"r\"\n";
  EXPECT_FALSE(load_text("no-failure", base + "blame = \"driver\"\n"));
  EXPECT_FALSE(load_text("no-blame", base + "failure = \"x\"\n"));
  const auto wrong_blame = load_text("wrong-blame", base + "failure = \"x\"\nblame = \"harness\"\n");
  ASSERT_FALSE(wrong_blame);
  EXPECT_NE(wrong_blame.error().message().find("never blamed"), std::string::npos);
  const auto unknown =
      load_text("unknown-key", base + "failure = \"x\"\nblame = \"device\"\nreasn = \"typo\"\n");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message().find("unknown key `reasn`"), std::string::npos);
  EXPECT_NE(unknown.error().message().find("dextqual-expectations-unknown-key.toml"), std::string::npos);
  EXPECT_FALSE(load_text("bad-regex", base + "failure = \"(unclosed\"\nblame = \"device\"\n"));
  EXPECT_FALSE(load_text("no-tests", "[[expect]]\nfailure = \"x\"\nblame = \"device\"\nreason = \"r\"\n"));
  EXPECT_FALSE(load_text("retired", "[[xfail]]\ntest = \"A.B\"\n"));
  EXPECT_FALSE(load_text("profiles-without-reason",
                         base + "failure = \"x\"\nblame = \"device\"\nunder_profiles = true\n"));
}

TEST(Expectations, UnderAFaultProfileOnlyEntriesThatSaySoApply) {
  auto expectations = load_text("profiles", std::string(kTransferSize) + R"([[expect]]
tests = "persistence:PowerCut.*"
failure = "flush lie"
blame = "emulator"
reason = "the emulated HBA drops flushes"
under_profiles = true
under_profiles_reason = "every profile runs behind the same HBA"
)");
  ASSERT_TRUE(expectations) << expectations.error().message();
  const auto raw = expectations->under_fault_profile();
  EXPECT_EQ(raw.size(), 1U);
  auto transfer = failed("TransferSize.Sweep", "EIO at 128 KiB");
  raw.apply(transfer);
  EXPECT_EQ(transfer.verdict, reports::Verdict::fail) << "a profile's claim is not XFAILed away";
  reports::TestResult power_cut{.suite = "persistence",
                                .name = "PowerCut.MustSurvive",
                                .verdict = reports::Verdict::fail,
                                .message = "F1, flush lie: LBA 2048 zero-filled"};
  raw.apply(power_cut);
  EXPECT_EQ(power_cut.verdict, reports::Verdict::xfail);
}

TEST(Expectations, AnEntryIsStaleWhenItsTestsSkipAreNotRunOrDoNotExist) {
  auto expectations = load_text("stale", R"([[expect]]
tests = "scsi:Inquiry.*"
failure = "x"
blame = "device"
reason = "r"
[[expect]]
tests = "scsi:Gone.Test"
failure = "x"
blame = "device"
reason = "r"
[[expect]]
tests = "scsi:Skips.Now"
failure = "x"
blame = "device"
reason = "r"
[[expect]]
tests = "scsi:NotRun.Yet"
failure = "x"
blame = "device"
reason = "r"
[[expect]]
tests = "rawio:Left.Out"
failure = "x"
blame = "device"
reason = "r"
)");
  ASSERT_TRUE(expectations) << expectations.error().message();
  const std::vector<reports::TestResult> results{
      {.suite = "scsi", .name = "Inquiry.Standard", .verdict = reports::Verdict::xfail},
      {.suite = "scsi",
       .name = "Skips.Now",
       .verdict = reports::Verdict::skipped,
       .message = "requires root"}};
  const ExpectationScope scope{{{"scsi", "", {"Inquiry.Standard", "Skips.Now", "NotRun.Yet"}}}, true};
  const auto stale = expectations->stale(results, scope);
  ASSERT_EQ(stale.size(), 3U);
  EXPECT_EQ(stale[0].tests, "scsi:Gone.Test");
  EXPECT_EQ(stale[0].why, "it names no test of the suites this run ran whole");
  EXPECT_EQ(stale[1].why, "scsi:Skips.Now skipped (requires root)");
  EXPECT_EQ(stale[2].why, "scsi:NotRun.Yet was selected but not run");
  const auto testcase = expectations->stale_result(stale[0]);
  EXPECT_EQ(testcase.suite, "dextqual");
  EXPECT_EQ(testcase.name, "expectations.stale: scsi:Gone.Test");
  EXPECT_EQ(testcase.verdict, reports::Verdict::fail);
  EXPECT_EQ(testcase.classname(), "dextqual.expectations");
  EXPECT_EQ(testcase.case_name(), "stale: scsi:Gone.Test");
  // A filtered run cannot tell a missing test from one left out: only selected tests are judged.
  const auto filtered = expectations->stale(results, {scope.plan, false});
  EXPECT_EQ(filtered.size(), 2U);
}

TEST(FailurePattern, IsCaseInsensitiveAndLinearOnAMegabyteLine) {
  auto pattern = FailurePattern::compile("unrecovered read error .*at LBA 8192");
  ASSERT_TRUE(pattern) << pattern.error().message();
  EXPECT_TRUE(pattern->matches("Unrecovered Read Error (MEDIUM ERROR 3h/11h/00h) at LBA 8192"));
  EXPECT_FALSE(pattern->matches("unrecovered read error at LBA 8193"));
  // std::regex recursed once per character here; RE2 does not (issue: parsers that cannot blow the stack).
  const std::string long_line(1 << 20, 'x');
  EXPECT_FALSE(pattern->matches(long_line, long_line));
  EXPECT_TRUE(FailurePattern().matches("anything"));
}

}  // namespace
}  // namespace dextqual::runner
