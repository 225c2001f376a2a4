// The command histogram: the counts F2's diagnosis reads (which opcodes at which sizes arrived).
#include "command_histogram.h"

#include "model_fixture.h"

namespace simdext::testing {
namespace {

const nlohmann::json* find_cell(const nlohmann::json& histogram, const std::string& opcode, uint64_t bucket,
                                const std::string& outcome) {
  for (const auto& cell : histogram["commands"]) {
    if (cell["opcode"] == opcode && cell["bucket_bytes"] == bucket && cell["outcome"] == outcome)
      return &cell;
  }
  return nullptr;
}

TEST(CommandHistogram, NamesOpcodesAndRoundsSizesUpToAPowerOfTwo) {
  EXPECT_EQ(opcode_name(0x2A), "WRITE(10)");
  EXPECT_EQ(opcode_name(0x88), "READ(16)");
  EXPECT_EQ(opcode_name(0xC1), "OPCODE 0xC1");
  EXPECT_EQ(size_bucket(0), 0u);
  EXPECT_EQ(size_bucket(512), 512u);
  EXPECT_EQ(size_bucket(65537), 131072u);
  EXPECT_EQ(size_bucket(524288), 524288u);
}

TEST(CommandHistogram, CountsByOpcodeBucketAndOutcomeAndKeepsTheLargest) {
  CommandHistogram histogram("test");
  const std::vector<uint8_t> write10{0x2A, 0, 0, 0, 0, 0, 0, 0, 1, 0};
  histogram.add(write10, 512 * 1024, true);
  histogram.add(write10, 300 * 1024, true);
  histogram.add(write10, 512 * 1024, false);
  const auto json = histogram.to_json();
  EXPECT_EQ(json["instance"], "test");
  const auto* ok = find_cell(json, "WRITE(10)", 512 * 1024, "ok");
  ASSERT_NE(ok, nullptr) << json.dump();
  EXPECT_EQ((*ok)["count"], 2);
  EXPECT_EQ((*ok)["largest_bytes"], 512 * 1024);
  const auto* failed = find_cell(json, "WRITE(10)", 512 * 1024, "error");
  ASSERT_NE(failed, nullptr) << json.dump();
  EXPECT_EQ((*failed)["count"], 1);
}

using ControllerHistogramTest = ModelTest;

TEST_F(ControllerHistogramTest, EveryCommandTheControllerAnswersIsCounted) {
  clear_unit_attention();  // TEST UNIT READY with CHECK CONDITION: an error
  run({0x00, 0, 0, 0, 0, 0});
  run({0x2A, 0, 0, 0, 0, 0, 0, 0, 8, 0}, TransferDirection::host_to_target, 8 * 512);
  const auto json = controller_->histogram().to_json();
  const auto* tur_error = find_cell(json, "TEST UNIT READY", 0, "error");
  const auto* tur_ok = find_cell(json, "TEST UNIT READY", 0, "ok");
  const auto* write = find_cell(json, "WRITE(10)", 4096, "ok");
  ASSERT_NE(tur_error, nullptr) << json.dump();
  ASSERT_NE(tur_ok, nullptr) << json.dump();
  ASSERT_NE(write, nullptr) << json.dump();
  EXPECT_EQ((*write)["count"], 1);
  EXPECT_EQ((*write)["largest_bytes"], 4096);
}

}  // namespace
}  // namespace simdext::testing
