// Guards the throughput gate's arithmetic (F8: 645 vs 565 MB/s is -12.4% and fails a 5% threshold)
// and the summary format that doubles as a baseline.
#include "perf/perf_summary.h"

#include <gtest/gtest.h>

namespace dextqual::perf {
namespace {

PerfSummary one(double mbps) {
  return PerfSummary{"dev", "fio-3.33", "libaio", {{"write", "1M", 32, mbps, mbps}}};
}

TEST(PerfGate, F8RegressionFailsWithBothFigures) {
  const Comparison c = compare_with_baseline(one(565), one(645), 0.05);
  ASSERT_EQ(c.regressions.size(), 1u);
  EXPECT_EQ(c.regressions[0].describe(), "write_1M_qd32: 565.0 MB/s vs baseline 645.0 MB/s (-12.4%)");
}

TEST(PerfGate, DropsWithinTheThresholdAndGainsPass) {
  EXPECT_TRUE(compare_with_baseline(one(620), one(645), 0.05).regressions.empty());  // -3.9%
  EXPECT_TRUE(compare_with_baseline(one(700), one(645), 0.05).regressions.empty());
  EXPECT_EQ(compare_with_baseline(one(620), one(645), 0.03).regressions.size(), 1u);
}

TEST(PerfGate, BaselinePointsNotMeasuredAreListed) {
  PerfSummary baseline = one(645);
  baseline.points.push_back({"read", "4k", 1, 50, 12800});
  const Comparison c = compare_with_baseline(one(645), baseline, 0.05);
  EXPECT_EQ(c.compared, 1u);
  ASSERT_EQ(c.not_compared.size(), 1u);
  EXPECT_EQ(c.not_compared[0], "read_4k_qd1");
}

TEST(PerfSummaryJson, RoundTrips) {
  auto back = summary_from_json(to_json(one(565)));
  ASSERT_TRUE(back) << back.error().message();
  ASSERT_EQ(back->points.size(), 1u);
  EXPECT_EQ(back->points[0].key(), "write_1M_qd32");
  EXPECT_DOUBLE_EQ(back->points[0].mbps, 565);
  EXPECT_FALSE(summary_from_json(nlohmann::json::object()));
}

}  // namespace
}  // namespace dextqual::perf
