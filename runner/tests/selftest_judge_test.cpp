// The strict selftest's judgement (issue 13 §1): what counts as caught, what must be declared, and
// that every list it reads is checked against what really happened.
#include "runner/selftest_judge.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dextqual::runner {
namespace {

using reports::Verdict;

TestExpectation expectation(std::string suite, std::string filter, Verdict verdict, std::string message) {
  TestExpectation e;
  e.suite = std::move(suite);
  e.filter = std::move(filter);
  e.verdict = verdict;
  e.message_pattern = message;
  e.message = *FailurePattern::compile(message);
  e.why = "because";
  return e;
}

SelftestSpec fault_profile() {
  SelftestSpec spec;
  spec.name = "f9-example";
  spec.claims.push_back(expectation("rawio", "Raw.*", Verdict::fail, "misdirected"));
  return spec;
}

const std::vector<std::string> kSuites{"rawio", "scsi"};

TEST(SelftestJudge, ClaimCaughtWithItsVerdictAndMessageMatches) {
  const auto row = judge_profile(fault_profile(), {}, kSuites,
                                 {{"rawio", "Raw.A", Verdict::fail, "LBA 7: misdirected write"},
                                  {"rawio", "Raw.B", Verdict::pass, ""},
                                  {"scsi", "Scsi.C", Verdict::pass, ""}});
  EXPECT_TRUE(row.matches) << row.cells.at("rawio").note;
}

TEST(SelftestJudge, ATimeoutOrAnotherMessageIsNotDetection) {
  for (const JudgedTest& test : {JudgedTest{"rawio", "Raw.A", Verdict::timeout, "misdirected"},
                                 JudgedTest{"rawio", "Raw.A", Verdict::fail, "stale data at LBA 7"},
                                 JudgedTest{"rawio", "Raw.A", Verdict::device_lost, ""}}) {
    const auto row =
        judge_profile(fault_profile(), {}, kSuites, {test, {"scsi", "Scsi.C", Verdict::pass, ""}});
    EXPECT_FALSE(row.matches);
    EXPECT_NE(row.cells.at("rawio").note.find("not caught: rawio:Raw.* FAIL /misdirected/"),
              std::string::npos)
        << row.cells.at("rawio").note;
  }
}

TEST(SelftestJudge, UndeclaredFailureElsewhereIsAMismatchUntilListedAsCollateral) {
  const std::vector<JudgedTest> results{{"rawio", "Raw.A", Verdict::fail, "misdirected"},
                                        {"scsi", "Scsi.C", Verdict::fail, "sense 5/24/00"}};
  auto spec = fault_profile();
  auto row = judge_profile(spec, {}, kSuites, results);
  EXPECT_FALSE(row.matches);
  EXPECT_NE(
      row.cells.at("scsi").note.find("Scsi.C FAIL (\"sense 5/24/00\") is neither claimed nor collateral"),
      std::string::npos)
      << row.cells.at("scsi").note;
  spec.collateral.push_back(expectation("scsi", "Scsi.C", Verdict::fail, ""));
  row = judge_profile(spec, {}, kSuites, results);
  EXPECT_TRUE(row.matches) << row.cells.at("scsi").note;
}

TEST(SelftestJudge, StaleCollateralIsAMismatch) {
  auto spec = fault_profile();
  spec.collateral.push_back(expectation("scsi", "Scsi.C", Verdict::fail, ""));
  const auto row = judge_profile(
      spec, {}, kSuites,
      {{"rawio", "Raw.A", Verdict::fail, "misdirected"}, {"scsi", "Scsi.C", Verdict::pass, ""}});
  EXPECT_FALSE(row.matches);
  EXPECT_NE(row.cells.at("scsi").note.find("no longer happens"), std::string::npos);
}

TEST(SelftestJudge, UnknownSuiteAndPatternSelectingNothingAreErrors) {
  auto spec = fault_profile();
  spec.claims.push_back(expectation("nosuch", "X.*", Verdict::fail, "x"));
  spec.claims.push_back(expectation("scsi", "Typo.*", Verdict::fail, "x"));
  const auto row = judge_profile(
      spec, {}, kSuites,
      {{"rawio", "Raw.A", Verdict::fail, "misdirected"}, {"scsi", "Scsi.C", Verdict::pass, ""}});
  EXPECT_FALSE(row.matches);
  EXPECT_NE(row.cells.at("[profile]").note.find("no suite 'nosuch' ran"), std::string::npos);
  EXPECT_NE(row.cells.at("scsi").note.find("scsi:Typo.* selects no test"), std::string::npos);
}

TEST(SelftestJudge, CleanPassesOrSkipsOnlyAsAllowed) {
  SelftestSpec clean;
  clean.name = "clean";
  const std::vector<TestExpectation> allowed{
      expectation("scsi", "Scsi.Power*", Verdict::skipped, "requires power-cut")};
  clean.allowed_skips = allowed;
  const std::vector<JudgedTest> ok{{"scsi", "Scsi.PowerCut", Verdict::skipped, "requires power-cut: no hook"},
                                   {"rawio", "Raw.A", Verdict::pass, ""}};
  EXPECT_TRUE(judge_profile(clean, allowed, kSuites, ok).matches);
  // A skip for another reason, a failure, or an allowed skip that no longer happens: all mismatches.
  for (const auto& results :
       {std::vector<JudgedTest>{{"scsi", "Scsi.PowerCut", Verdict::skipped, "no such device"}, ok[1]},
        std::vector<JudgedTest>{ok[0], {"rawio", "Raw.A", Verdict::fail, "stale"}},
        std::vector<JudgedTest>{{"scsi", "Scsi.PowerCut", Verdict::pass, ""}, ok[1]}}) {
    EXPECT_FALSE(judge_profile(clean, allowed, kSuites, results).matches);
  }
}

TEST(SelftestSpec, ReadsClaimsCollateralAndRefusesWhatItCannotCheck) {
  const auto file =
      std::filesystem::temp_directory_path() / ("dq-selftest-spec-" + std::to_string(::getpid()) + ".toml");
  const auto write = [&](const std::string& text) {
    std::ofstream(file) << text;
    return read_selftest_spec(file);
  };
  const auto spec = write(
      "[profile]\nfield_report = \"F4\"\n[[selftest.claim]]\ntests = \"persistence:Eject.*\"\nmessage = "
      "\"lost\"\n"
      "[[selftest.collateral]]\ntests = \"hotplug:*\"\nverdict = \"TIMEOUT\"\nwhy = \"the device wedges\"\n");
  ASSERT_TRUE(spec) << spec.error().reason;
  EXPECT_EQ(spec->field_report, "F4");
  ASSERT_EQ(spec->claims.size(), 1u);
  EXPECT_EQ(spec->claims[0].verdict, Verdict::fail);
  EXPECT_EQ(spec->collateral[0].verdict, Verdict::timeout);
  for (const auto& [text, complaint] : std::vector<std::pair<std::string, std::string>>{
           {"[profile]\n", "no [selftest]"},
           {"[[selftest.claim]]\ntests = \"Eject.*\"\nmessage = \"x\"\n", "<suite>:<gtest filter>"},
           {"[[selftest.claim]]\ntests = \"a:B\"\n", "message"},
           {"[[selftest.claim]]\ntests = \"a:B\"\nmessage = \"(\"\n", "not a regular expression"},
           {"[[selftest.claim]]\ntests = \"a:B\"\nmessage = \"x\"\nverdict = \"PASS\"\n", "non-passing"},
           {"[[selftest.claim]]\ntests = \"a:B\"\nmessage = \"x\"\n[[selftest.collateral]]\ntests = "
            "\"a:C\"\n",
            "why"},
           {"[selftest]\ndetected_by = [\"a:B\"]\n", "unknown key 'detected_by'"},
           {"[[selftest.collateral]]\ntests = \"a:C\"\nwhy = \"w\"\n", "clean reference"}}) {
    const auto refused = write(text);
    ASSERT_FALSE(refused) << text;
    EXPECT_NE(refused.error().reason.find(complaint), std::string::npos) << refused.error().reason;
  }
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace dextqual::runner
