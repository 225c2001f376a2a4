// Guards the sector stamp format (issue 2 §2, PERSISTENCE.md §2): every field round-trips, and a sector
// from another run never verifies as this run's, even with identical parameters (FIO.md §5.1).
#include "integrity/sector_stamp.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <vector>

namespace dextqual::integrity {
namespace {

StampKeys fresh_keys() {
  auto id = RunIdentity::generate();
  EXPECT_TRUE(id);
  return StampKeys::for_run(*id);
}

TEST(SectorStamp, HeaderFieldsRoundTrip) {
  const StampKeys keys = fresh_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  const StampFields fields{
      .lba = 12345, .generation = 7, .write_id = 99, .seq = 3, .writer_id = 2, .block_shift = 3};
  stamp_sector(keys, fields, sector);
  const SectorHeader header = decode_header(sector);
  EXPECT_TRUE(header.structurally_valid());
  EXPECT_EQ(header.run_id, keys.run_id);
  EXPECT_EQ(header.lba, 12345U);
  EXPECT_EQ(header.generation, 7U);
  EXPECT_EQ(header.write_id, 99U);
  EXPECT_EQ(header.seq, 3U);
  EXPECT_EQ(header.writer_id, 2U);
  EXPECT_EQ(header.block_shift, 3U);
  EXPECT_TRUE(header_authentic(keys, sector));
  EXPECT_TRUE(sector_intact(keys, sector, 12345, 7, 7));
}

TEST(SectorStamp, IntactOnlyForTheRightLbaAndGenerationRange) {
  const StampKeys keys = fresh_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  stamp_sector(keys, {.lba = 8, .generation = 4}, sector);
  EXPECT_TRUE(sector_intact(keys, sector, 8, 2, 5));
  EXPECT_FALSE(sector_intact(keys, sector, 9, 4, 4));
  EXPECT_FALSE(sector_intact(keys, sector, 8, 5, 6));
  EXPECT_FALSE(sector_intact(keys, sector, 8, 1, 3));
}

TEST(SectorStamp, IdenticalParametersUnderAnotherRunNeverVerify) {
  const StampKeys ours = fresh_keys();
  const StampKeys earlier = fresh_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  stamp_sector(earlier, {.lba = 100, .generation = 1, .write_id = 1}, sector);
  EXPECT_FALSE(sector_intact(ours, sector, 100, 0, 10));
  // Even with the run id forged to ours the MAC and payload stay wrong.
  std::array<std::uint8_t, kSectorSize> forged = sector;
  std::memcpy(forged.data() + 8, &ours.run_id, 8);
  EXPECT_FALSE(header_authentic(ours, forged));
  EXPECT_FALSE(sector_intact(ours, forged, 100, 0, 10));
}

TEST(SectorStamp, AnyFlippedBitBreaksIntact) {
  const StampKeys keys = fresh_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  stamp_sector(keys, {.lba = 5, .generation = 2, .write_id = 17}, sector);
  for (std::size_t bit = 0; bit < kSectorSize * 8; bit += 7) {
    auto copy = sector;
    copy[bit / 8] ^= static_cast<std::uint8_t>(1U << (bit % 8));
    EXPECT_FALSE(sector_intact(keys, copy, 5, 2, 2)) << "bit " << bit;
  }
}

TEST(SectorStamp, StampSectorsNumbersConsecutiveLbas) {
  const StampKeys keys = fresh_keys();
  std::vector<std::uint8_t> buffer(8 * kSectorSize);
  stamp_sectors(keys, {.lba = 64, .generation = 3, .write_id = 5, .block_shift = 3}, buffer);
  for (std::size_t i = 0; i < 8; ++i) {
    ConstSectorSpan sector(buffer.data() + i * kSectorSize, kSectorSize);
    EXPECT_TRUE(sector_intact(keys, sector, 64 + i, 3, 3));
    EXPECT_EQ(decode_header(sector).write_id, 5U);
  }
}

}  // namespace
}  // namespace dextqual::integrity
