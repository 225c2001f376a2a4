// Guards where the gate's baseline and threshold come from: environment first, then dut.json, 5% default.
#include "perf/gate_settings.h"

#include <gtest/gtest.h>

namespace dextqual::perf {
namespace {

TEST(GateSettings, EnvironmentWinsOverDutJsonAndDefaultIsFivePercent) {
  const auto extra = nlohmann::json::parse(R"({"baseline": "/lab/kext.json", "perf_threshold_percent": 10})");
  auto from_dut = gate_settings(extra, nullptr, nullptr);
  ASSERT_TRUE(from_dut);
  EXPECT_EQ(from_dut->baseline_path, "/lab/kext.json");
  EXPECT_DOUBLE_EQ(from_dut->threshold, 0.10);
  auto from_env = gate_settings(extra, "/ci/prev.json", "2.5");
  ASSERT_TRUE(from_env);
  EXPECT_EQ(from_env->baseline_path, "/ci/prev.json");
  EXPECT_DOUBLE_EQ(from_env->threshold, 0.025);
  auto none = gate_settings(nlohmann::json::object(), nullptr, nullptr);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->baseline_path.empty());
  EXPECT_DOUBLE_EQ(none->threshold, 0.05);
}

TEST(GateSettings, BadThresholdIsAnError) {
  EXPECT_FALSE(gate_settings(nlohmann::json::object(), nullptr, "five"));
  EXPECT_FALSE(gate_settings(nlohmann::json::parse(R"({"perf_threshold_percent": "5"})"), nullptr, nullptr));
}

}  // namespace
}  // namespace dextqual::perf
