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

}  // namespace
}  // namespace dextqual::runner
