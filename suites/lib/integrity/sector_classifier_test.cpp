// Guards per-sector classification (issue 2 §2, PERSISTENCE.md §2): each class is produced by a
// deliberate corruption of a stamped sector and recognised as such.
#include "integrity/sector_classifier.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>

namespace dextqual::integrity {
namespace {

using Sector = std::array<std::uint8_t, kSectorSize>;

class SectorClassifier : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = RunIdentity::generate();
    ASSERT_TRUE(id);
    keys_ = StampKeys::for_run(*id);
  }
  Sector stamped(std::uint64_t lba, std::uint64_t generation, const StampKeys* keys = nullptr) const {
    Sector sector{};
    stamp_sector(keys != nullptr ? *keys : keys_, {.lba = lba, .generation = generation, .write_id = 7},
                 sector);
    return sector;
  }
  SectorVerdict classify(const Sector& sector, std::uint64_t lba, GenerationRange expected) const {
    return classify_sector(keys_, sector, lba, expected);
  }
  StampKeys keys_;
};

TEST_F(SectorClassifier, ZeroAndOneFilled) {
  Sector zeros{};
  Sector ones;
  ones.fill(0xFF);
  EXPECT_EQ(classify(zeros, 10, {3, 3}).kind, SectorClass::zero_filled);
  EXPECT_EQ(classify(ones, 10, {3, 3}).kind, SectorClass::one_filled);
}

TEST_F(SectorClassifier, IdenticalEarlierRunIsForeignNotIntact) {
  auto earlier = RunIdentity::generate();
  ASSERT_TRUE(earlier);
  const StampKeys earlier_keys = StampKeys::for_run(*earlier);
  const SectorVerdict v = classify(stamped(10, 3, &earlier_keys), 10, {3, 3});
  EXPECT_EQ(v.kind, SectorClass::foreign);
  EXPECT_EQ(v.found_run_id, earlier_keys.run_id);
  EXPECT_EQ(v.found_generation, 3U);
}

TEST_F(SectorClassifier, RandomBytesAreGarbage) {
  Sector noise{};
  for (std::size_t i = 0; i < noise.size(); ++i) {
    noise[i] = static_cast<std::uint8_t>(i * 131 + 17);
  }
  EXPECT_EQ(classify(noise, 10, {3, 3}).kind, SectorClass::garbage);
}

TEST_F(SectorClassifier, MisdirectedReportsTheLbaItBelongsTo) {
  for (std::int64_t delta : {1, -1, 8, -4096}) {
    const std::uint64_t lba = 10000;
    const SectorVerdict v = classify(stamped(lba + static_cast<std::uint64_t>(delta), 3), lba, {3, 3});
    EXPECT_EQ(v.kind, SectorClass::misdirected) << delta;
    EXPECT_EQ(static_cast<std::int64_t>(v.found_lba - lba), delta);
  }
}

TEST_F(SectorClassifier, StaleBelowFloorPhantomAboveLastIntactBetween) {
  EXPECT_EQ(classify(stamped(10, 2), 10, {3, 3}).kind, SectorClass::stale);
  EXPECT_EQ(classify(stamped(10, 5), 10, {3, 4}).kind, SectorClass::phantom);
  EXPECT_EQ(classify(stamped(10, 1), 10, {0, 0}).kind, SectorClass::phantom);
  EXPECT_EQ(classify(stamped(10, 3), 10, {2, 4}).kind, SectorClass::intact);
}

TEST_F(SectorClassifier, SectorMixingTwoGenerationsIsTorn) {
  Sector sector = stamped(10, 3);
  const Sector older = stamped(10, 2);
  std::memcpy(sector.data() + 256, older.data() + 256, 256);  // shorn at byte 256
  const SectorVerdict v = classify(sector, 10, {2, 3});
  EXPECT_EQ(v.kind, SectorClass::torn);
  EXPECT_EQ(v.found_generation, 3U);
  EXPECT_EQ(v.other_generation, 2U);
}

TEST_F(SectorClassifier, FlippedBitsAnywhereAreCounted) {
  // Payload, predictable header fields (LBA, run id, magic), unpredictable ones (write id) and the MAC.
  for (std::size_t bit : {64 * 8 + 3, 511 * 8 + 7, 16 * 8, 8 * 8 + 5, 2, 33 * 8 + 1, 60 * 8 + 4}) {
    Sector sector = stamped(10, 3);
    sector[bit / 8] ^= static_cast<std::uint8_t>(1U << (bit % 8));
    const SectorVerdict v = classify(sector, 10, {3, 3});
    EXPECT_EQ(v.kind, SectorClass::bit_flip) << "bit " << bit;
    EXPECT_EQ(v.bit_count, 1) << "bit " << bit;
    EXPECT_EQ(v.found_generation, 3U);
  }
  Sector three = stamped(10, 3);
  three[100] ^= 0x07;
  EXPECT_EQ(classify(three, 10, {3, 3}).bit_count, 3);
}

TEST_F(SectorClassifier, ManyFlippedBitsAreGarbage) {
  Sector sector = stamped(10, 3);
  for (std::size_t i = 64; i < 128; ++i) {
    sector[i] ^= 0x5A;
  }
  EXPECT_EQ(classify(sector, 10, {3, 3}).kind, SectorClass::garbage);
}

}  // namespace
}  // namespace dextqual::integrity
