// F8: throughput across transfer sizes and queue depths, recorded in the report (JUnit properties
// throughput_MBps_<rw>_<bs>_qd<N>, iops_<...>) and in <state_dir>/perf-summary.json, and gated against
// a baseline (a previous release, or the KEXT) with a threshold (default 5%).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "perf/gate_settings.h"
#include "perf/throughput_measurement.h"
#include "testing/dut_environment.h"

namespace dextqual::perf {
namespace {

using testing::dut;

TEST(Throughput, MeasuredAcrossTransferSizesAndQueueDepths) {
  // F8: the figures a release is compared on; written where the next run can use them as its baseline.
  REQUIRE_DUT(data_loss_allowed);  // the write points overwrite the raw node
  REQUIRE_DUT(raw_node);
  const Measurement& m = measure_once();
  ASSERT_TRUE(m.error.empty()) << "throughput could not be measured:\n" << m.error;
  for (const auto& point : m.summary.points) {
    RecordProperty("throughput_MBps_" + point.key(), std::to_string(point.mbps));
    RecordProperty("iops_" + point.key(), std::to_string(point.iops));
  }
  if (!dut().state_dir.empty()) {
    const std::string path = (std::filesystem::path(dut().state_dir) / "perf-summary.json").string();
    const auto saved = save_summary(path, m.summary);
    EXPECT_TRUE(saved) << saved.error().message();
    RecordProperty("perf_summary", path);
  }
}

TEST(Throughput, NoDropBeyondTheThresholdAgainstTheBaseline) {
  // F8: KEXT 645 MB/s, DEXT 565 MB/s (-12.4%) must fail a 5% gate, naming both figures.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  auto settings =
      gate_settings(dut().extra, std::getenv("DEXTQUAL_BASELINE"), std::getenv("DEXTQUAL_PERF_THRESHOLD"));
  ASSERT_TRUE(settings) << settings.error().message();
  REQUIRE_DUT(run_provides(
      !settings->baseline_path.empty(),
      "no baseline: set $DEXTQUAL_BASELINE or dut.json \"baseline\" to a previous perf-summary.json"));
  auto baseline = load_summary(settings->baseline_path);
  ASSERT_TRUE(baseline) << baseline.error().message() << " (from " << settings->baseline_from << ")";
  const Measurement& m = measure_once();
  ASSERT_TRUE(m.error.empty()) << "throughput could not be measured:\n" << m.error;
  for (const auto& point : baseline->points) {  // drawn against this run's figures in the HTML report
    RecordProperty("baseline_MBps_" + point.key(), std::to_string(point.mbps));
  }
  RecordProperty("perf_threshold_percent", std::to_string(settings->threshold * 100));
  const Comparison comparison = compare_with_baseline(m.summary, *baseline, settings->threshold);
  ASSERT_GT(comparison.compared, 0u) << "no point of the baseline " << settings->baseline_path
                                     << " was measured in this run";
  std::string regressions;
  for (const auto& r : comparison.regressions) {
    regressions += "\n  " + r.describe();
  }
  EXPECT_TRUE(comparison.regressions.empty())
      << "throughput dropped more than " << settings->threshold * 100 << "% below the baseline "
      << settings->baseline_path << ":" << regressions;
}

}  // namespace
}  // namespace dextqual::perf
