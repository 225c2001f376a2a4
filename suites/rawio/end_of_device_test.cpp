// Raw transfers at and across the end of the device: the block that ends the device must verify, a
// transfer crossing the end must be cut at the end (short count) or refused, and must never wrap
// around to LBA 0 or write past the capacity READ CAPACITY reports.
#include <gtest/gtest.h>

#include "limits/limits_checker.h"
#include "limits/limits_probe.h"
#include "rawio/raw_sweep_context.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {
namespace {

using testing::dut;

TEST(RawEndOfDevice, LastBlockVerifiesAndCrossingTheEndIsCutShort) {
  // SBC-4 LBA OUT OF RANGE: the last block works; a write across the end moves at most what fits.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  const std::uint64_t block = dut().logical_block_size;
  const std::uint64_t capacity = dut().capacity_bytes();
  auto session = RawSession::open(testing::dut_handle().raw());
  ASSERT_TRUE(session) << session.error().message();

  const CheckedTransfer last = write_flush_verify(*session, capacity - block, block);
  EXPECT_TRUE(last.passed()) << "last block: " << last.failed_step() << ": " << last.failure();
  const CheckedTransfer first = write_flush_verify(*session, 0, block);
  ASSERT_TRUE(first.passed()) << "first block: " << first.failed_step() << ": " << first.failure();

  AlignedBuffer buffer(4 * block);
  std::fill(buffer.data(), buffer.data() + buffer.size(), std::uint8_t{0x5A});
  const auto crossing =
      limits::transfer_once(session->fd.get(), limits::Direction::write, capacity - block, buffer.bytes());
  EXPECT_LE(crossing.transferred, block)
      << "a write of " << 4 * block << " bytes at the last block moved " << crossing.transferred << " bytes";
  const auto beyond =
      limits::transfer_once(session->fd.get(), limits::Direction::read, capacity, buffer.bytes());
  EXPECT_EQ(beyond.transferred, 0u) << "a read at the capacity returned data";
  const auto across =
      limits::transfer_once(session->fd.get(), limits::Direction::read, capacity - block, buffer.bytes());
  EXPECT_LE(across.transferred, block) << "a read across the end returned " << across.transferred << " bytes";

  // The crossing write must not have wrapped onto LBA 0: it still holds this run's stamp.
  ASSERT_TRUE(limits::flush_device(session->fd.get()));
  AlignedBuffer back(block);
  ASSERT_TRUE(limits::transfer_once(session->fd.get(), limits::Direction::read, 0, back.bytes()).complete());
  integrity::VerifyOptions options;
  options.sectors_per_block = static_cast<std::uint32_t>(block / 512);
  const auto report = integrity::verify_sectors(session->keys, back.bytes(), 0, session->expected, options);
  EXPECT_TRUE(report.passed()) << "LBA 0 after a write across the end: "
                               << (report.findings.empty() ? "" : report.findings.front().describe());
}

}  // namespace
}  // namespace dextqual::rawio
