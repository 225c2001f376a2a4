// Filters mean what --gtest_filter means.
#include "runner/test_filter.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

TEST(TestFilter, GlobsAndNegatives) {
  EXPECT_TRUE(TestFilter("").matches("Any.Test"));
  EXPECT_TRUE(TestFilter("*Inquiry*").matches("InquiryStandard.VendorIsAscii"));
  EXPECT_FALSE(TestFilter("*Inquiry*").matches("ReadCapacity.Basic"));
  EXPECT_TRUE(TestFilter("A.*:B.?").matches("B.x"));
  EXPECT_FALSE(TestFilter("*-*Slow*").matches("Sweep.Slow"));
  EXPECT_TRUE(TestFilter("-*Slow*").matches("Sweep.Fast"));
  EXPECT_TRUE(glob_match("PowerCut.*", "PowerCut.FlushedDataSurvives"));
  EXPECT_FALSE(glob_match("PowerCut.*", "XPowerCut.A"));
}

TEST(TestFilter, SuitePatterns) {
  const auto pattern = split_suite_pattern("rawio:*TransferSize*:*Other*");
  EXPECT_EQ(pattern.suite, "rawio");
  EXPECT_EQ(pattern.filter, "*TransferSize*:*Other*");
  EXPECT_EQ(split_suite_pattern("NoSuite.*").suite, "*");
}

}  // namespace
}  // namespace dextqual::runner
