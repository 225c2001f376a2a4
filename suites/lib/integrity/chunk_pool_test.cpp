// Guards the chunk pool behind multi-threaded stamping and verification: every chunk exactly once, on
// every worker, and the first error stops the rest.
#include "integrity/chunk_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace dextqual::integrity {
namespace {

TEST(ChunkPool, EveryChunkRunsExactlyOnce) {
  std::vector<std::atomic<int>> seen(1000);
  std::atomic<unsigned> highest_worker{0};
  const Status done = for_each_chunk(seen.size(), 4, [&](std::uint64_t chunk, unsigned worker) -> Status {
    ++seen[chunk];
    unsigned expected = highest_worker.load();
    while (worker > expected && !highest_worker.compare_exchange_weak(expected, worker)) {
    }
    return {};
  });
  ASSERT_TRUE(done);
  for (const auto& count : seen) {
    EXPECT_EQ(count.load(), 1);
  }
  EXPECT_LT(highest_worker.load(), 4U);
}

TEST(ChunkPool, FirstErrorIsReturnedAndStopsTheRest) {
  std::atomic<int> calls{0};
  const Status done = for_each_chunk(100000, 2, [&](std::uint64_t chunk, unsigned) -> Status {
    ++calls;
    if (chunk == 10) {
      return fail("chunk 10", "deliberate");
    }
    return {};
  });
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().operation, "chunk 10");
  EXPECT_LT(calls.load(), 100000);
}

TEST(ChunkPool, ZeroChunksAndZeroThreadsAreHarmless) {
  EXPECT_TRUE(for_each_chunk(0, 2, [](std::uint64_t, unsigned) -> Status { return fail("never"); }));
  int calls = 0;
  EXPECT_TRUE(for_each_chunk(3, 0, [&](std::uint64_t, unsigned) -> Status {
    ++calls;
    return {};
  }));
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace dextqual::integrity
