// The per-DUT expectations file turns known failures into XFAIL and stale entries into XPASS.
#include "runner/expectations.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dextqual::runner {
namespace {

TEST(Expectations, XfailAndXpass) {
  const auto path = std::filesystem::temp_directory_path() / "dextqual-expectations-test.toml";
  std::ofstream(path) << "[[expect]]\ntests = \"rawio:*TransferSize*\"\nreason = \"F2\"\n";
  auto expectations = Expectations::load(path);
  ASSERT_TRUE(expectations) << expectations.error().message();
  reports::TestResult failed{
      .suite = "rawio", .name = "TransferSize.Sweep", .verdict = reports::Verdict::fail};
  expectations->apply(failed);
  EXPECT_EQ(failed.verdict, reports::Verdict::xfail);
  reports::TestResult passed{
      .suite = "rawio", .name = "TransferSize.Small", .verdict = reports::Verdict::pass};
  expectations->apply(passed);
  EXPECT_EQ(passed.verdict, reports::Verdict::xpass);
  reports::TestResult other{.suite = "scsi", .name = "TransferSize.Sweep", .verdict = reports::Verdict::fail};
  expectations->apply(other);
  EXPECT_EQ(other.verdict, reports::Verdict::fail);
  std::ofstream(path) << "[[expect]]\nresult = \"fail\"\n";
  EXPECT_FALSE(Expectations::load(path));
  std::filesystem::remove(path);
}

TEST(Expectations, EvidenceLeadsTheDetailOfAnXfail) {
  const auto path = std::filesystem::temp_directory_path() / "dextqual-expectations-evidence-test.toml";
  std::ofstream(path) << "[[expect]]\ntests = \"scsi:Cdb/ModeSense.*\"\nreason = \"\"\"pads\nto 255\"\"\"\n"
                         "evidence = \"MODE SENSE(6) [1a 00 3f 00 ff 00]: residual 0\"\n";
  auto expectations = Expectations::load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(expectations) << expectations.error().message();
  reports::TestResult failed{.suite = "scsi",
                             .name = "Cdb/ModeSense.AllPages/Six",
                             .verdict = reports::Verdict::fail,
                             .detail = "the suite's text"};
  expectations->apply(failed);
  EXPECT_EQ(failed.verdict, reports::Verdict::xfail);
  EXPECT_EQ(failed.message.find('\n'), std::string::npos) << "a message is one line: " << failed.message;
  EXPECT_EQ(failed.detail.find("Recorded evidence of the known failure:\nMODE SENSE(6) [1a 00 3f 00 ff 00]"),
            0U);
  EXPECT_NE(failed.detail.find("the suite's text"), std::string::npos);
}

TEST(Expectations, AnEntryThatNamesNoResultIsStale) {
  const auto path = std::filesystem::temp_directory_path() / "dextqual-expectations-stale-test.toml";
  std::ofstream(path) << "[[expect]]\ntests = \"scsi:Inquiry.*\"\n[[expect]]\ntests = \"scsi:Gone.Test\"\n";
  auto expectations = Expectations::load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(expectations) << expectations.error().message();
  const std::vector<reports::TestResult> results{{.suite = "scsi", .name = "Inquiry.Standard"},
                                                 {.suite = "rawio", .name = "Gone.Test"}};
  EXPECT_EQ(expectations->entries_matching_none(results), std::vector<std::string>{"scsi:Gone.Test"});
}

}  // namespace
}  // namespace dextqual::runner
