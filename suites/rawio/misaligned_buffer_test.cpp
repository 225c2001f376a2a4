// Raw transfers from user buffers that are not page-aligned, where the platform allows them: a
// driver that maps the buffer as one segment from its page start (MACOS.md §1: one IOVM segment) can
// shift data by the misalignment. Where the platform refuses a buffer, it must refuse it (EINVAL), never
// move wrong data.
#include <gtest/gtest.h>

#include <cerrno>

#include "rawio/raw_sweep_context.h"
#include "testing/dut_environment.h"

namespace dextqual::rawio {
namespace {

using testing::dut;

TEST(RawMisalignedBuffers, BlockAlignedButNotPageAlignedBuffersVerify) {
  // MACOS.md §2 rule 3: segments misaligned against the page are cut, not corrupted.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  const limits::Analysis analysis = analyze_dut_limits();
  auto session = RawSession::open(dut().raw_node, dut().logical_block_size);
  ASSERT_TRUE(session) << session.error().message();
  const std::uint64_t block = dut().logical_block_size;
  std::vector<SweepPoint> points;
  std::uint64_t slot = 0;  // each transfer its own 2 MiB slot, so a failure's LBA says which one
  for (std::size_t misalignment :
       {std::size_t{512}, std::size_t{1024}, std::size_t{2048}, std::size_t{3584}}) {
    if (misalignment % block != 0) {
      continue;  // O_DIRECT needs at least block alignment of the buffer on this node
    }
    for (std::uint64_t size : {block, std::uint64_t{4096}, std::uint64_t{65536}, std::uint64_t{1} << 20}) {
      const std::uint64_t offset = (++slot * (std::uint64_t{2} << 20)) % (dut().capacity_bytes() - size);
      const CheckedTransfer transfer =
          write_flush_verify(*session, offset - offset % block, size, misalignment);
      auto point = to_point(transfer, analysis);
      if (!point.ok) {
        point.what += " (user buffer page offset " + std::to_string(misalignment) + ")";
      }
      points.push_back(std::move(point));
    }
  }
  const std::string summary = summarize_sweep(points);
  EXPECT_TRUE(summary.empty()) << summary;
}

TEST(RawMisalignedBuffers, ByteMisalignedBufferIsRefusedOrVerifies) {
  // A buffer one byte off: EINVAL is the platform's answer for O_DIRECT; success must move right data.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  auto session = RawSession::open(dut().raw_node, dut().logical_block_size);
  ASSERT_TRUE(session) << session.error().message();
  const CheckedTransfer transfer = write_flush_verify(*session, 0, 4096, 1);
  if (transfer.write.error_number == EINVAL) {
    SUCCEED() << "refused with EINVAL, as O_DIRECT requires";
    return;
  }
  EXPECT_TRUE(transfer.passed()) << transfer.failed_step() << ": " << transfer.failure();
}

}  // namespace
}  // namespace dextqual::rawio
