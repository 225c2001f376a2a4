#include "runner/shard.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace dextqual::runner {
namespace {

// A plan shaped like the real one: several binaries, fixtures of many tests, parameterized names,
// and the reboot contract's two phases.
std::vector<std::pair<std::string, std::string>> plan() {
  std::vector<std::pair<std::string, std::string>> tests = {
      {"persistence", "Reboot.Phase1WriteAndFlush"},
      {"persistence", "Reboot.Phase2VerifyAfterRestart"},
      {"persistence", "PowerCut.MustSurviveWritesSurviveAndTheRestIsOldOrNew"}};
  for (const char* suite : {"scsi", "rawio", "buffered", "hotplug"}) {
    for (int fixture = 0; fixture < 12; ++fixture) {
      for (int test = 0; test < 5; ++test) {
        tests.emplace_back(suite, "Fixture" + std::to_string(fixture) + ".Test" + std::to_string(test));
        tests.emplace_back(suite, "Edges/Param" + std::to_string(fixture) + ".Case/" + std::to_string(test));
      }
    }
  }
  return tests;
}

TEST(Shard, EveryTestIsInExactlyOneShard) {
  const auto tests = plan();
  for (int count = 1; count <= 7; ++count) {
    std::map<std::pair<std::string, std::string>, int> seen;
    for (int index = 1; index <= count; ++index) {
      for (const auto& [suite, test] : tests) {
        if (in_shard({index, count}, suite, test)) ++seen[{suite, test}];
      }
    }
    ASSERT_EQ(seen.size(), tests.size()) << "n=" << count;
    for (const auto& [test, times] : seen) EXPECT_EQ(times, 1) << test.first << ":" << test.second;
  }
}

TEST(Shard, AFixtureStaysTogetherAndThePhasesOfTheRebootContractWithIt) {
  for (int count = 2; count <= 7; ++count) {
    EXPECT_EQ(shard_of("persistence", "Reboot.Phase1WriteAndFlush", count),
              shard_of("persistence", "Reboot.Phase2VerifyAfterRestart", count));
    EXPECT_EQ(shard_of("scsi", "Edges/Param3.Case/0", count), shard_of("scsi", "Edges/Param3.Case/4", count));
  }
  EXPECT_EQ(shard_unit("scsi", "Edges/InquiryAllocationLength.SendsAPrefix/3"),
            "scsi:Edges/InquiryAllocationLength");
  EXPECT_EQ(shard_unit("persistence", "Reboot.Phase2VerifyAfterRestart"), "persistence:Reboot");
}

TEST(Shard, TheSplitIsSpreadAndDependsOnlyOnTheName) {
  const auto tests = plan();
  std::map<int, int> per_shard;
  for (const auto& [suite, test] : tests) ++per_shard[shard_of(suite, test, 4)];
  ASSERT_EQ(per_shard.size(), 4u);  // ~100 fixtures over 4 shards: none is empty
  EXPECT_EQ(shard_of("rawio", "Fixture1.Test0", 4), shard_of("rawio", "Fixture1.Test0", 4));
  EXPECT_TRUE(in_shard({}, "rawio", "anything"));  // sharding off: everything
}

TEST(Shard, ParsesIOverNAndRefusesTheRest) {
  const auto parsed = parse_shard("2/4");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->index, 2);
  EXPECT_EQ(parsed->count, 4);
  for (const char* bad : {"0/4", "5/4", "2", "2/0", "a/b", "2/4x", "-1/3", ""}) {
    const auto refused = parse_shard(bad);
    ASSERT_FALSE(refused.has_value()) << bad;
    EXPECT_EQ(refused.error().exit_code, kUsageError);
  }
}

}  // namespace
}  // namespace dextqual::runner
