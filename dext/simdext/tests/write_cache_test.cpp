// The write cache: newer writes win over older overlapping ones; destage is oldest first; pinned
// extents never leave; a power cut keeps only the torn prefix.
#include "write_cache.h"

#include <gtest/gtest.h>

#include <map>

namespace simdext {
namespace {

constexpr uint32_t kB = 512;

std::vector<uint8_t> blocks_of(uint8_t value, uint64_t blocks) {
  return std::vector<uint8_t>(blocks * kB, value);
}

struct Sink {
  std::map<uint64_t, uint8_t> media;  // lba -> first byte of the block
  WriteCache::Sink fn() {
    return [this](uint64_t lba, std::span<const uint8_t> data) {
      for (size_t i = 0; i < data.size() / kB; ++i) {
        media[lba + i] = data[i * kB];
      }
    };
  }
};

TEST(WriteCache, NewerWriteSplitsOlderExtent) {
  WriteCache cache(kB);
  cache.insert(0, blocks_of(1, 10), false, UINT64_MAX);
  cache.insert(3, blocks_of(2, 2), false, UINT64_MAX);
  EXPECT_EQ(cache.dirty_bytes(), 10u * kB);
  std::vector<uint8_t> out(10 * kB, 0);
  cache.overlay(0, out);
  EXPECT_EQ(out[2 * kB], 1);
  EXPECT_EQ(out[3 * kB], 2);
  EXPECT_EQ(out[4 * kB], 2);
  EXPECT_EQ(out[5 * kB], 1);
  EXPECT_EQ(cache.extent_count(), 3u);
}

TEST(WriteCache, DestagesOldestFirstAndKeepsPinned) {
  WriteCache cache(kB);
  Sink sink;
  cache.insert(100, blocks_of(7, 1), true, UINT64_MAX);  // pinned
  cache.insert(0, blocks_of(1, 1), false, UINT64_MAX);
  cache.insert(1, blocks_of(2, 1), false, UINT64_MAX);
  cache.destage_until(kB * 2, sink.fn());
  EXPECT_EQ(sink.media.count(0), 1u);
  EXPECT_EQ(sink.media.count(1), 0u);
  cache.destage_all(sink.fn());
  EXPECT_EQ(sink.media.count(1), 1u);
  EXPECT_EQ(sink.media.count(100), 0u);
  EXPECT_EQ(cache.dirty_bytes(), kB);
}

TEST(WriteCache, PowerCutKeepsOnlyTornPrefix) {
  WriteCache cache(kB);
  Sink sink;
  cache.insert(0, blocks_of(1, 8), false, 3);
  cache.insert(20, blocks_of(2, 8), false, UINT64_MAX);
  cache.power_cut(sink.fn());
  EXPECT_EQ(sink.media.size(), 3u);
  EXPECT_EQ(cache.dirty_bytes(), 0u);
}

TEST(WriteCache, DestageRangeOnlyTouchesTheRange) {
  WriteCache cache(kB);
  Sink sink;
  cache.insert(0, blocks_of(1, 4), false, UINT64_MAX);
  cache.insert(50, blocks_of(2, 4), false, UINT64_MAX);
  cache.destage_range(2, 1, sink.fn());
  EXPECT_EQ(sink.media.size(), 4u);
  EXPECT_TRUE(cache.intersects(50, 1));
  EXPECT_FALSE(cache.intersects(0, 4));
}

}  // namespace
}  // namespace simdext
