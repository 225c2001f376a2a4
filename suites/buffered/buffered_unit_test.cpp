// Guards the buffered sweep plan (both sides of F1's 128/256 MB step, even in quick mode) and the
// wording of its failure.
#include <gtest/gtest.h>

#include "buffered/buffered_sizes.h"
#include "buffered/sweep_report.h"

namespace dextqual::buffered {
namespace {

TEST(BufferedSizes, QuickStillCrossesTheF1Step) {
  EXPECT_EQ(buffered_sizes(1024 * kMiB, true), (std::vector<std::uint64_t>{128 * kMiB, 256 * kMiB}));
  EXPECT_EQ(buffered_sizes(1024 * kMiB, false).back(), 1024 * kMiB);
  EXPECT_EQ(buffered_sizes(600 * kMiB, false).back(), 512 * kMiB);
}

TEST(SweepReport, NamesTheLastPassingAndFirstFailingSize) {
  const std::vector<SizeOutcome> outcomes{{128 * kMiB, true, ""}, {256 * kMiB, false, "stale"}};
  const std::string text = summarize_sizes(outcomes);
  EXPECT_EQ(text.substr(0, text.find('\n')), "128 MiB verifies, 256 MiB does not");
  EXPECT_NE(text.find("256 MiB: stale"), std::string::npos);
  EXPECT_EQ(summarize_sizes({{64 * kMiB, true, ""}}), "");
}

}  // namespace
}  // namespace dextqual::buffered
