// The run's command histogram: summed over simdext lives, and compared in the words of F2's cause.
#include "reports/command_histogram.h"

#include <gtest/gtest.h>

namespace dextqual::reports {
namespace {

constexpr std::uint64_t KiB = 1024;

TEST(CommandHistogram, SumsLivesCellByCell) {
  const std::vector<CommandCount> first{{"WRITE(10)", 512 * KiB, "ok", 3, 512 * KiB}};
  const std::vector<CommandCount> second{{"WRITE(10)", 512 * KiB, "ok", 2, 400 * KiB},
                                         {"READ(10)", 4 * KiB, "ok", 7, 4 * KiB}};
  const auto sum = sum_commands({first, second});
  ASSERT_EQ(sum.size(), 2u);
  EXPECT_EQ(sum[1].opcode, "WRITE(10)");
  EXPECT_EQ(sum[1].count, 5u);
  EXPECT_EQ(sum[1].largest_bytes, 512 * KiB);
}

TEST(CommandHistogram, ReadsBackWhatItWritesAndSkipsMalformedCells) {
  const std::vector<CommandCount> commands{{"WRITE(10)", 64 * KiB, "error", 4, 60 * KiB}};
  auto json = to_json(commands);
  json.push_back({{"opcode", 42}});
  json.push_back({{"opcode", "READ(10)"}, {"count", "many"}});
  const auto back = commands_from_json(json);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].outcome, "error");
  EXPECT_EQ(back[0].largest_bytes, 60 * KiB);
}

TEST(CommandHistogram, NamesF2sCauseAsTheWritesAboveTheSmallerCeiling) {
  // The KEXT (A) received 20 x 512 KiB WRITE(10), the DEXT (B) nothing above 64 KiB.
  const std::vector<CommandCount> kext{{"WRITE(10)", 64 * KiB, "ok", 100, 64 * KiB},
                                       {"WRITE(10)", 512 * KiB, "ok", 20, 512 * KiB},
                                       {"READ(10)", 4 * KiB, "ok", 9, 4 * KiB}};
  const std::vector<CommandCount> dext{{"WRITE(10)", 64 * KiB, "ok", 160, 64 * KiB},
                                       {"READ(10)", 4 * KiB, "ok", 12, 4 * KiB}};
  const auto lines = describe_histogram_change(kext, dext);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "WRITE(10) above 64 KiB: A received 20 (largest 512 KiB), B received none");
}

TEST(CommandHistogram, SaysNothingWhenTheShapeIsTheSameAndNamesAnOpcodeInOneRunOnly) {
  const std::vector<CommandCount> a{{"READ(10)", 4 * KiB, "ok", 9, 4 * KiB}};
  const std::vector<CommandCount> b{{"READ(10)", 4 * KiB, "ok", 90, 4 * KiB},
                                    {"WRITE(16)", 8 * KiB, "error", 2, 8 * KiB}};
  EXPECT_TRUE(describe_histogram_change(a, a).empty());
  const auto lines = describe_histogram_change(a, b);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "WRITE(16) ending in error: A received none, B received 2 (largest 8 KiB)");
}

TEST(CommandHistogram, SizesReadAsPeopleWriteThem) {
  EXPECT_EQ(size_text(512), "512 B");
  EXPECT_EQ(size_text(64 * KiB), "64 KiB");
  EXPECT_EQ(size_text(16 * KiB * KiB), "16 MiB");
  EXPECT_EQ(size_text(1000), "1000 B");
}

}  // namespace
}  // namespace dextqual::reports
