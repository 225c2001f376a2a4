// Guards gathering on a DUT description alone: simdext's constraints become the published limits and
// the DMA specification, and a source that cannot be read (no block node, no pass-through) is a note,
// never a failure.
#include "limits/limits_gather.h"

#include <gtest/gtest.h>

namespace dextqual::limits {
namespace {

TEST(GatherLimits, SimdextConstraintsWithoutNodesGiveNotesNotErrors) {
  DutDescription dut;
  dut.kind = DutKind::simdext;
  dut.logical_block_size = 4096;
  dut.extra["simdext"] = nlohmann::json::parse(
      R"({"constraints": {"max_transfer_size": 65536, "max_byte_count_write": 524288}})");
  auto report = gather_limits(dut);
  ASSERT_TRUE(report) << report.error().message();
  EXPECT_EQ(report->block_size, 4096u);
  ASSERT_TRUE(report->published);
  EXPECT_EQ(report->published->write.max_byte_count, 524288u);
  ASSERT_TRUE(report->dma);
  EXPECT_EQ(report->dma->max_transfer_size, 65536u);
  EXPECT_TRUE(report->queue_fronts_model);
  EXPECT_FALSE(report->linux_queue);
  EXPECT_GE(report->notes.size(), 2u) << "VPD and the block node were not readable";
  EXPECT_NE(describe_sources(*report).find("maxTransferSize 65536"), std::string::npos);
}

TEST(GatherLimits, MalformedSimdextConstraintsAreAnError) {
  DutDescription dut;
  dut.extra["simdext"] = nlohmann::json::parse(R"({"constraints": {"max_transfer_size": -1}})");
  EXPECT_FALSE(gather_limits(dut));
}

}  // namespace
}  // namespace dextqual::limits
