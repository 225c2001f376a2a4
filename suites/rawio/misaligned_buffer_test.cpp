// Raw transfers from user buffers that are not page-aligned, where the platform allows them: a
// driver that maps the buffer as one segment from its page start (MACOS.md §1: one IOVM segment) can
// shift data by the misalignment. Where the platform refuses a buffer (EINVAL) the driver is never
// involved, so that is a skip saying so, not a pass; a buffer it accepts must verify.
#include <gtest/gtest.h>

#include <cerrno>

#include "rawio/misalignment_plan.h"
#include "rawio/raw_sweep_context.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {
namespace {

using testing::dut;

TEST(RawMisalignedBuffers, BlockAlignedButNotPageAlignedBuffersVerify) {
  // MACOS.md §2 rule 3: segments misaligned against the page are cut, not corrupted.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  const limits::Analysis analysis = analyze_dut_limits();
  auto session = RawSession::open(testing::dut_handle().raw());
  ASSERT_TRUE(session) << session.error().message();
  const std::uint64_t block = dut().logical_block_size;
  std::vector<SweepPoint> points;
  const std::vector<std::size_t> misalignments = block_aligned_page_offsets(block, page_size());
  REQUIRE_DUT(
      device_offers(!misalignments.empty(),
                    "logical block " + std::to_string(block) + " B >= page " + std::to_string(page_size()) +
                        " B: every block-aligned buffer is page-aligned, so there is nothing to sweep"));
  std::uint64_t slot = 0;  // each transfer its own 2 MiB slot, so a failure's LBA says which one
  for (std::size_t misalignment : misalignments) {
    for (std::uint64_t size : {block, std::uint64_t{4096}, std::uint64_t{65536}, std::uint64_t{1} << 20}) {
      if (size % block != 0) {
        continue;
      }
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
  ASSERT_FALSE(points.empty()) << "the sweep transferred nothing";
  const std::string summary = summarize_sweep(points);
  EXPECT_TRUE(summary.empty()) << summary;
}

TEST(RawMisalignedBuffers, ByteMisalignedBufferIsRefusedOrVerifies) {
  // A buffer one byte off. Refused (EINVAL, what O_DIRECT does on Linux and macOS raw nodes): the
  // platform answered before the driver saw it, so nothing is proven: skip with that reason. Accepted:
  // the driver got a buffer no segment rule allows, and it must move the right data.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  auto session = RawSession::open(testing::dut_handle().raw());
  ASSERT_TRUE(session) << session.error().message();
  const ByteMisalignedResult result = judge_byte_misaligned(write_flush_verify(*session, 0, 4096, 1));
  RecordProperty("byte_misaligned_buffer", result.text);
  // Refused before the driver saw it: nothing about the driver is proven.
  REQUIRE_DUT(host_offers(result.verdict != ByteMisalignedVerdict::refused_by_platform, result.text));
  EXPECT_EQ(result.verdict, ByteMisalignedVerdict::verified) << result.text;
}

}  // namespace
}  // namespace dextqual::rawio
