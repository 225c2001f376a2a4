// Guards the sweep plan: powers of two to 16 MiB, odd multiples, one block around every limit, capped by
// the device; quick keeps every power of two and boundary (so F2 is still caught in CI).
#include "rawio/transfer_sweep.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dextqual::rawio {
namespace {

bool has(const std::vector<std::uint64_t>& v, std::uint64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(TransferSweep, CoversPowersOddMultiplesAndBoundaries) {
  const auto sizes = sweep_sizes(512, std::uint64_t{1} << 30, {65536 - 512, 65536, 65536 + 512}, false);
  for (std::uint64_t want : {512u, 1024u, 65536u, 131072u, 16u << 20, 3u * 512, 4095u * 512, 65536u + 512}) {
    EXPECT_TRUE(has(sizes, want)) << want;
  }
  EXPECT_FALSE(has(sizes, std::uint64_t{32} << 20));
  EXPECT_TRUE(std::is_sorted(sizes.begin(), sizes.end()));
}

TEST(TransferSweep, QuickKeepsPowersAndBoundariesAndIsCappedByCapacity) {
  const auto sizes = sweep_sizes(4096, std::uint64_t{1} << 20, {3 * 65536 + 100}, true);
  EXPECT_TRUE(has(sizes, 4096));
  EXPECT_TRUE(has(sizes, 1u << 20));
  EXPECT_TRUE(has(sizes, 3 * 65536));
  EXPECT_FALSE(has(sizes, 31u * 4096));
  EXPECT_FALSE(has(sizes, 2u << 20));
}

TEST(TransferSweep, OffsetsAreStartMiddleEndAndFit) {
  const auto offsets = sweep_offsets(512, 1 << 20, 4096, false);
  ASSERT_EQ(offsets.size(), 3u);
  EXPECT_EQ(offsets[0], 0u);
  EXPECT_EQ(offsets[1], 512u * 1024);
  EXPECT_EQ(offsets[2], (1u << 20) - 4096);
  EXPECT_EQ(sweep_offsets(512, 1 << 20, 4096, true).size(), 2u);
  EXPECT_TRUE(sweep_offsets(512, 4096, 8192, false).empty());
}

}  // namespace
}  // namespace dextqual::rawio
