// The simulated host stack: IOBreaker splitting by the published limits, EIO above maxTransferSize
// without the controller seeing the command (F2), and the probe (F5: capacity 0 when DMA is lost).
#include "block_host.h"

#include "model_fixture.h"

namespace simdext::testing {
namespace {

using BlockHostTest = ModelTest;

TEST_F(BlockHostTest, BreakSizeIsTheSmallestPublishedLimit) {
  ControllerConfig config;
  config.constraints.max_byte_count_write = 512u << 10;
  config.constraints.max_segment_count_write = 64;
  config.constraints.max_segment_byte_count_write = 4096;
  EXPECT_EQ(BlockHost::break_size(config, true, 512), 256u << 10);
  config.constraints.max_block_count_write = 100;
  EXPECT_EQ(BlockHost::break_size(config, true, 512), 51200u);
  config.constraints.max_byte_count_write = 100;
  EXPECT_EQ(BlockHost::break_size(config, true, 512), 0u);  // below one block: every request fails
}

TEST_F(BlockHostTest, PieceAboveMaxTransferSizeFailsBeforeReachingTheController) {
  BlockHost host(*controller_, 0, 0);
  ASSERT_TRUE(host.probe().error.empty());
  std::vector<uint8_t> data(128 << 10, 1);
  const uint64_t mark = controller_->trace().mark();
  EXPECT_EQ(host.write(0, data), EIO);  // 512 KiB published, 64 KiB DMA limit
  EXPECT_TRUE(controller_->trace().since(mark, 10).empty());
  EXPECT_EQ(host.write(0, std::span<const uint8_t>(data.data(), 64 << 10)), 0);
}

TEST_F(BlockHostTest, ReadsAreSplitByTheReadLimit) {
  make(std::string(kSmallProfile).replace(std::string(kSmallProfile).find("\"64KiB\""), 7, "\"1MiB\""));
  BlockHost host(*controller_, 0, 0);
  ASSERT_TRUE(host.probe().error.empty());
  std::vector<uint8_t> data(512 << 10);
  const uint64_t mark = controller_->trace().mark();
  EXPECT_EQ(host.read(0, data), 0);
  EXPECT_EQ(controller_->trace().since(mark, 10).size(), 4u);  // 128 KiB pieces
}

TEST_F(BlockHostTest, ProbeSeesCapacityZeroWhenReadCapacityDmaIsLost) {
  make(std::string(kSmallProfile) + "\n[[rule]]\naction = \"data_in_lost\"\nopcodes = [0x25, 0x9E]\n");
  BlockHost host(*controller_, 0, 0);
  ProbeResult probe = host.probe();
  EXPECT_TRUE(probe.error.empty());
  EXPECT_EQ(probe.capacity_blocks, 0u);
}

}  // namespace
}  // namespace simdext::testing
