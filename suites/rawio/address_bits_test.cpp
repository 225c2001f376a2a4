// The address-aliasing class on the block device (issue 13 §3): a uniquely stamped block at LBA 0, 1,
// 2^k-1, 2^k, 2^k+1 for every LBA bit k of the DUT and at its last LBA, all written (highest first),
// flushed, then all read back. A driver that truncates, masks or sign-extends the LBA in either
// direction makes a high LBA alias a low one, which then reads back the low one's stamp (or its own
// write never arrives): the failure names the bit (integrity/address_walk.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>

#include "integrity/address_walk.h"
#include "limits/limits_probe.h"
#include "rawio/checked_transfer.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {
namespace {

using integrity::AliasFinding;
using testing::dut;

AliasFinding io_failure(integrity::WalkPoint point, const char* step,
                        const limits::TransferOutcome& outcome) {
  AliasFinding finding;
  finding.point = point;
  finding.kind = integrity::SectorClass::unreadable;
  finding.error = std::string(step) + ": " + outcome.describe();
  return finding;
}

TEST(RawAddressBits, EveryLbaBitOfTheDutKeepsItsOwnStamp) {
  // Guards the 2 TiB rule and issue 13 §3: all LBA bits reach the device, on writes and on reads.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  const std::uint32_t block = dut().logical_block_size;
  const std::uint64_t blocks = dut().capacity_bytes() / block;
  ASSERT_GT(blocks, 0u);
  auto session = RawSession::open(testing::dut_handle().raw());
  ASSERT_TRUE(session) << session.error().message();
  const int fd = session->fd.get();
  const auto points = integrity::plan_address_walk(blocks);
  RecordProperty("address_bits", std::to_string(std::bit_width(blocks - 1)));
  RecordProperty("walked_lbas", std::to_string(points.size()));

  // Highest LBA first: under aliasing the low LBA's stamp is the one that survives, so every high
  // LBA that aliases it reads back "the stamp of LBA 0" rather than passing by reading itself.
  std::vector<AliasFinding> findings;
  std::vector<std::uint64_t> unwritten;  // a failed write is its own finding; its read-back says nothing
  AlignedBuffer buffer(block);
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    integrity::stamp_sectors(session->keys, integrity::walk_stamp(it->lba, 1, block), buffer.bytes());
    const auto written = limits::transfer_once(fd, limits::Direction::write, it->lba * block, buffer.bytes());
    if (!written.complete()) {
      findings.push_back(io_failure(*it, "write", written));
      unwritten.push_back(it->lba);
    }
  }
  const Status flushed = limits::flush_device(fd);
  ASSERT_TRUE(flushed) << flushed.error().message();
  for (const integrity::WalkPoint& point : points) {
    if (std::find(unwritten.begin(), unwritten.end(), point.lba) != unwritten.end()) {
      continue;
    }
    const auto read = limits::transfer_once(fd, limits::Direction::read, point.lba * block, buffer.bytes());
    if (!read.complete()) {
      findings.push_back(io_failure(point, "read", read));
    } else if (auto finding = integrity::check_walk_block(session->keys, point, buffer.bytes(), 1)) {
      findings.push_back(*finding);
    }
  }
  EXPECT_TRUE(findings.empty()) << "raw node " << dut().raw_node << ", " << blocks << " blocks of " << block
                                << " B: " << integrity::summarize_address_walk(findings, points);
}

}  // namespace
}  // namespace dextqual::rawio
