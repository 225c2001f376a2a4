// The address walk against in-memory devices that alias addresses the ways drivers do: the message
// must name the bit and the kind of aliasing, and a faithful device must pass.
#include "integrity/address_walk.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "integrity/run_identity.h"

namespace dextqual::integrity {
namespace {

using AddressMap = std::function<std::uint64_t(std::uint64_t)>;

// Writes every walk point (highest first), then reads each back, through `write_map`/`read_map`.
std::vector<AliasFinding> walk(std::uint64_t blocks, std::uint32_t block_size, const AddressMap& write_map,
                               const AddressMap& read_map, std::vector<WalkPoint>* walked = nullptr) {
  auto identity = RunIdentity::generate();
  const StampKeys keys = StampKeys::for_run(*identity);
  std::map<std::uint64_t, std::vector<std::uint8_t>> media;
  const auto points = plan_address_walk(blocks);
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    std::vector<std::uint8_t> data(block_size);
    stamp_sectors(keys, walk_stamp(it->lba, 1, block_size), data);
    media[write_map(it->lba)] = data;
  }
  std::vector<AliasFinding> findings;
  for (const WalkPoint& p : points) {
    auto found = media.find(read_map(p.lba));
    const std::vector<std::uint8_t> block =
        found == media.end() ? std::vector<std::uint8_t>(block_size, 0) : found->second;
    if (auto f = check_walk_block(keys, p, block, 1)) {
      findings.push_back(*f);
    }
  }
  if (walked != nullptr) {
    *walked = points;
  }
  return findings;
}

const AddressMap kFaithful = [](std::uint64_t lba) { return lba; };
const AddressMap kTruncate32 = [](std::uint64_t lba) { return lba & 0xFFFFFFFFull; };

TEST(AddressWalk, PlanCoversEveryBitBelowTheCapacityOnce) {
  const auto points = plan_address_walk((1ull << 33) + 10);
  EXPECT_EQ(points.front().lba, 0u);
  EXPECT_EQ(points.back().lba, (1ull << 33) + 9);  // the last LBA
  EXPECT_EQ(points.back().bit, 33u);
  EXPECT_EQ(plan_address_walk(1ull << 33).back().lba, (1ull << 33) - 1);  // 2^33 is past the end: the last
  EXPECT_EQ(plan_address_walk(1ull << 33).back().bit, 32u);
  EXPECT_EQ(plan_address_walk(1ull << 40, 1ull << 21).back().lba, (1ull << 21) - 1);  // READ(6)'s reach
  for (std::size_t i = 1; i < points.size(); ++i) {
    EXPECT_LT(points[i - 1].lba, points[i].lba);
  }
}

TEST(AddressWalk, FaithfulDevicePasses) {
  EXPECT_TRUE(walk((1ull << 34) + 3, 512, kFaithful, kFaithful).empty());
  EXPECT_TRUE(walk(1ull << 20, 4096, kFaithful, kFaithful).empty());
}

TEST(AddressWalk, TruncationInBothDirectionsNamesBit32) {
  std::vector<WalkPoint> walked;
  const auto findings = walk((1ull << 34) + 3, 512, kTruncate32, kTruncate32, &walked);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(
      summarize_address_walk(findings, walked)
          .rfind("LBA 2^32 (bit 32) read back the stamp of LBA 0: the address is truncated to 32 bits", 0),
      0u)
      << summarize_address_walk(findings, walked);
}

TEST(AddressWalk, TruncatedReadsAloneAreCaughtTheSameWay) {
  std::vector<WalkPoint> walked;
  const auto findings = walk((1ull << 33) + 3, 4096, kFaithful, kTruncate32, &walked);
  EXPECT_EQ(diagnose_address_walk(findings, walked), "the address is truncated to 32 bits");
}

TEST(AddressWalk, TruncatedWritesAloneReadBackStaleAtTheHighLbas) {
  std::vector<WalkPoint> walked;
  const auto findings = walk((1ull << 33) + 3, 512, kTruncate32, kFaithful, &walked);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings.front().point.lba, 1ull << 32);
  const std::string diagnosis = diagnose_address_walk(findings, walked);
  EXPECT_NE(diagnosis.find("from bit 32 (LBA 2^32) up do not arrive"), std::string::npos) << diagnosis;
}

TEST(AddressWalk, AMaskedBitIsNamed) {
  const AddressMap drop31 = [](std::uint64_t lba) { return lba & ~(1ull << 31); };
  std::vector<WalkPoint> walked;
  const auto findings = walk((1ull << 34), 512, drop31, drop31, &walked);
  EXPECT_EQ(diagnose_address_walk(findings, walked), "the address loses bit 31 (masked)");
}

TEST(AddressWalk, IoErrorsSayFromWhichBit) {
  AliasFinding refused;
  refused.point = {1ull << 31, 31};
  refused.error = "write: EIO";
  EXPECT_EQ(refused.describe(), "LBA 2^31 (bit 31): write: EIO");
  EXPECT_NE(diagnose_address_walk({refused}, {refused.point}).find("from bit 31"), std::string::npos);
}

TEST(AddressWalk, AMediumErrorOrATimeoutIsNotAnAddressProperty) {
  // scsi_debug opts=2: a medium error in one range; the LBAs above it read back their stamps.
  const std::vector<WalkPoint> walked = {{1ull << 13, 13}, {1ull << 14, 14}, {1ull << 15, 15}};
  AliasFinding medium;
  medium.point = walked[0];
  medium.error = "read: ENODATA (No data available, errno 61)";
  const auto diagnosis = diagnose_address_walk({medium}, walked);
  EXPECT_EQ(
      diagnosis,
      "1 of 3 walked LBAs failed, not an address property (LBAs above them work): LBA 2^13: medium error");
  EXPECT_EQ(diagnosis.find("from bit"), std::string::npos);
  // Every LBA from bit 13 up timed out: still not the address's fault.
  std::vector<AliasFinding> timeouts;
  for (const auto& point : walked) {
    AliasFinding f;
    f.point = point;
    f.error = "read: TIMED OUT after 30000 ms";
    timeouts.push_back(f);
  }
  EXPECT_NE(diagnose_address_walk(timeouts, walked).find("the causes are not the address's"),
            std::string::npos);
}

}  // namespace
}  // namespace dextqual::integrity
