// Guards expected state as extents (issue 2 §2): floor..last bookkeeping and O(extents) memory.
#include "integrity/expected_state.h"

#include <gtest/gtest.h>

namespace dextqual::integrity {
namespace {

TEST(ExpectedState, NeverWrittenIsGenerationZero) {
  ExpectedState state;
  EXPECT_EQ(state.at(42), (GenerationRange{0, 0}));
  EXPECT_EQ(state.next_generation({0, 100}), 1U);
  EXPECT_EQ(state.extents({10, 5}), (std::vector<Extent>{{{10, 5}, {0, 0}}}));
}

TEST(ExpectedState, InFlightRaisesLastAndMustSurviveRaisesBoth) {
  ExpectedState state;
  ASSERT_TRUE(state.record_write({0, 100}, 1, WriteState::must_survive));
  ASSERT_TRUE(state.record_write({50, 100}, 2, WriteState::in_flight));
  EXPECT_EQ(state.at(0), (GenerationRange{1, 1}));
  EXPECT_EQ(state.at(60), (GenerationRange{1, 2}));
  EXPECT_EQ(state.at(120), (GenerationRange{0, 2}));
  EXPECT_EQ(state.at(150), (GenerationRange{0, 0}));
  EXPECT_EQ(state.extent_count(), 3U);
  ASSERT_TRUE(state.raise_floor({50, 100}, 2));
  EXPECT_EQ(state.at(60), (GenerationRange{2, 2}));
  EXPECT_EQ(state.extent_count(), 2U);
}

TEST(ExpectedState, RejectsNonIncreasingGenerationsAndFloorsAboveLast) {
  ExpectedState state;
  ASSERT_TRUE(state.record_write({0, 8}, 3, WriteState::in_flight));
  auto older = state.record_write({4, 8}, 3, WriteState::in_flight);
  ASSERT_FALSE(older);
  EXPECT_NE(older.error().detail.find("not newer"), std::string::npos);
  EXPECT_EQ(state.at(10), (GenerationRange{0, 0}));  // unchanged on error
  EXPECT_FALSE(state.raise_floor({0, 8}, 4));
  EXPECT_FALSE(state.record_write({0, 1}, 0, WriteState::in_flight));
  EXPECT_FALSE(state.record_write({UINT64_MAX - 1, 8}, 9, WriteState::in_flight));
  EXPECT_FALSE(state.raise_floor({UINT64_MAX - 1, 8}, 1));
}

TEST(ExpectedState, SettleMakesEveryIssuedWriteMustSurvive) {
  ExpectedState state;
  ASSERT_TRUE(state.record_write({0, 16}, 1, WriteState::in_flight));
  ASSERT_TRUE(state.record_write({8, 16}, 2, WriteState::in_flight));
  state.settle({0, 1000});
  EXPECT_EQ(state.extents({0, 30}),
            (std::vector<Extent>{{{0, 8}, {1, 1}}, {{8, 16}, {2, 2}}, {{24, 6}, {0, 0}}}));
}

TEST(ExpectedState, SequentialWritesOverOneTebibyteCostUnderOneMebibyte) {
  constexpr std::uint64_t kSectors = (std::uint64_t{1} << 40) / 512;
  constexpr std::uint64_t kChunk = (1U << 20) / 512;  // 1 MiB writes, 1 Mi of them per pass
  ExpectedState state;
  for (std::uint64_t generation = 1; generation <= 2; ++generation) {
    for (std::uint64_t lba = 0; lba < kSectors; lba += kChunk) {
      ASSERT_TRUE(state.record_write({lba, kChunk}, generation, WriteState::in_flight));
      if (generation == 2 && lba == kSectors / 2) {
        EXPECT_EQ(state.extent_count(), 2U);  // a pass half done: two extents
      }
    }
  }
  EXPECT_EQ(state.extent_count(), 1U);
  EXPECT_LT(state.memory_bytes(), 1U << 20);
  EXPECT_EQ(state.at(kSectors - 1), (GenerationRange{0, 2}));
}

TEST(ExpectedState, RandomScatterCostsOneExtentPerDistinctRun) {
  ExpectedState state;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    ASSERT_TRUE(state.record_write({i * 100, 8}, 1, WriteState::must_survive));
  }
  EXPECT_EQ(state.extent_count(), 1000U);
  EXPECT_EQ(state.all_extents().front(), (Extent{{0, 8}, {1, 1}}));
}

}  // namespace
}  // namespace dextqual::integrity
