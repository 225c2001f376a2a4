// Real data above LBA 2^32 (SCSI-CHECKLIST.md, the 2 TiB rule, and (c)4): stamped sectors written
// with WRITE(16) at 2^32-1, 2^32 and 2^32+1 must read back intact from exactly those LBAs. A driver
// that keeps only 32 LBA bits writes LBA 2^32 over LBA 0 and reads the stamp back as misdirected.
// Runs on the DUT when it is that large, else on another LU of the same transport that is (simdext
// profiles have one at target 3 LUN 1).
#include "integrity/run_identity.h"
#include "integrity/sector_classifier.h"
#include "integrity/sector_stamp.h"
#include "scsi/capacity_data.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class LargeLbaData : public ScsiTest {
 protected:
  static constexpr uint64_t kNeeded = (1ull << 32) + 2;
  // The DUT, or the first other reachable LU the run may write, with more than 2^32 + 2 blocks;
  // `why_none` says what there was instead.
  std::optional<std::pair<Initiator, Geometry>> large_lu(std::string& why_none) {
    if (geometry().blocks > kNeeded) {
      return std::pair{initiator(), geometry()};
    }
    why_none = "no reachable LU has more than 2^32 + 2 blocks (the DUT has " +
               std::to_string(geometry().blocks) + ")";
    for (auto& lu : other_lus()) {
      if (lu.geometry.blocks <= kNeeded) continue;
      if (lu.writable) return std::pair{lu.initiator, lu.geometry};
      why_none = not_allowed_to_write(lu);
    }
    return std::nullopt;
  }
};

TEST_F(LargeLbaData, StampedBlocksAroundTwoToTheThirtySecondReadBackIntact) {
  // Guards the 2 TiB rule: all 64 LBA bits reach the device, in both directions.
  REQUIRE_DUT(data_loss_allowed);
  std::string why_none;
  auto found = large_lu(why_none);
  REQUIRE_DUT(device_offers(found.has_value(), why_none));
  auto& [lu, g] = *found;
  RecordProperty("lu", to_string(lu.address()));
  ASSERT_EQ(g.block_length % integrity::kSectorSize, 0u);
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity) << identity.error().message();
  const auto keys = integrity::StampKeys::for_run(*identity);
  const uint64_t per_block = g.block_length / integrity::kSectorSize;
  const auto shift = static_cast<uint8_t>(std::countr_zero(per_block));
  for (uint64_t lba : {(1ull << 32) - 1, 1ull << 32, (1ull << 32) + 1}) {
    std::vector<uint8_t> data(g.block_length);
    integrity::stamp_sectors(
        keys, {.lba = lba * per_block, .generation = 1, .write_id = lba, .block_shift = shift}, data);
    EXPECT_SCSI(lu.run_out(write(CdbSize::sixteen, {.lba = lba, .blocks = 1}), data), expect::good());
  }
  for (uint64_t lba : {(1ull << 32) - 1, 1ull << 32, (1ull << 32) + 1}) {
    SCSI_RUN(back, lu.run_in(read(CdbSize::sixteen, {.lba = lba, .blocks = 1}), g.block_length));
    ASSERT_SCSI(back, expect::good());
    for (uint64_t s = 0; s < per_block; ++s) {
      integrity::ConstSectorSpan sector(back.data.data() + s * integrity::kSectorSize,
                                        integrity::kSectorSize);
      const auto verdict = integrity::classify_sector(keys, sector, lba * per_block + s, {1, 1});
      EXPECT_EQ(verdict.kind, integrity::SectorClass::intact)
          << "LBA " << lba << " sector " << s << " reads back " << integrity::to_string(verdict.kind)
          << (verdict.has_stamp ? " (stamp of sector " + std::to_string(verdict.found_lba) + ")" : "");
    }
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
