#include "core/aligned_buffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

namespace dextqual {
namespace {

bool aligned(const void* pointer, std::uintptr_t alignment) {
  return reinterpret_cast<std::uintptr_t>(pointer) % alignment == 0;
}

TEST(AlignedBuffer, IsAlignedZeroedAndMovable) {
  AlignedBuffer buffer(8192 + 100, 4096);
  EXPECT_TRUE(aligned(buffer.data(), 4096));
  EXPECT_EQ(buffer.size(), 8292u);
  EXPECT_TRUE(std::ranges::all_of(buffer.bytes(), [](std::uint8_t b) { return b == 0; }));
  AlignedBuffer moved = std::move(buffer);
  EXPECT_EQ(moved.size(), 8292u);
  EXPECT_EQ(buffer.data(), nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state is the point
  EXPECT_EQ(buffer.size(), 0u);       // NOLINT(bugprone-use-after-move)
}

TEST(AlignedBuffer, LargeBuffersAreHugePageAligned) {
  const AlignedBuffer large(4 * 1024 * 1024);
  EXPECT_TRUE(aligned(large.data(), 2 * 1024 * 1024));
  EXPECT_EQ(large.bytes().size(), 4u * 1024 * 1024);
}

}  // namespace
}  // namespace dextqual
