// Guards F3: `diskutil partitionDisk`/`eraseDisk` first wipe the disk the way libutil's wipefs_wipe
// does — a whole-disk unmap (error ignored), zeros in 128 KiB writes over the first and last 2 MiB,
// then SYNCHRONIZE CACHE — and one failed write aborts with "Error: -69825: Wiping volume data to
// prevent future accidental probing failed". Every write and the flush must succeed, and the zeros
// must read back.
#include <gtest/gtest.h>

#include <algorithm>

#include "lifecycle/partition_layout.h"
#include "lifecycle/raw_block_io.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

constexpr std::uint64_t kWipeChunk = 128 * 1024;
constexpr std::uint64_t kWipeSpan = 2 * kMiB;

TEST(DiskutilWipe, ZerosIn128KiBWritesOverFirstAndLast2MiBThenFlush) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(2 * kWipeSpan));
  auto device = RawBlockDevice::open(dut().raw_node);
  ASSERT_TRUE(device.has_value()) << device.error().message();
  const std::uint64_t size = dut().capacity_bytes();

  // Something other than zeros first, so that reading zeros afterwards shows the wipe landed.
  AlignedBuffer pattern(kWipeSpan);
  std::ranges::fill(pattern.bytes(), std::uint8_t{0xa5});
  AlignedBuffer small(64 * 1024);  // F2-safe size: the pre-fill must not be what fails
  std::ranges::fill(small.bytes(), std::uint8_t{0xa5});
  for (const std::uint64_t base : {std::uint64_t{0}, size - kWipeSpan}) {
    for (std::uint64_t offset = base; offset < base + kWipeSpan; offset += small.size()) {
      ASSERT_TRUE(device->write(offset, small.bytes()).has_value());
    }
  }
  ASSERT_TRUE(device->flush().has_value());

  (void)device->discard(0, size);  // DKIOCUNMAP: wipefs ignores its outcome, so do we
  AlignedBuffer zeros(kWipeChunk);
  int failed_writes = 0;
  std::string first_failure;
  for (const std::uint64_t base : {std::uint64_t{0}, size - kWipeSpan}) {
    for (std::uint64_t offset = base; offset < base + kWipeSpan; offset += kWipeChunk) {
      if (auto written = device->write(offset, zeros.bytes()); !written && failed_writes++ == 0) {
        first_failure = written.error().message();
      }
    }
  }
  EXPECT_EQ(failed_writes, 0)
      << "F3: " << failed_writes << " of " << 2 * kWipeSpan / kWipeChunk
      << " 128 KiB zero writes failed, so diskutil partitionDisk/eraseDisk would stop with "
         "-69825 (wiping volume data failed); first: "
      << first_failure;
  auto flushed = device->flush();
  ASSERT_TRUE(flushed.has_value()) << "F3: SYNCHRONIZE CACHE after the wipe failed: "
                                   << flushed.error().message();
  ASSERT_EQ(failed_writes, 0);  // the read-back below only means something after a wipe that went through

  AlignedBuffer back(kWipeSpan);
  for (const std::uint64_t base : {std::uint64_t{0}, size - kWipeSpan}) {
    ASSERT_TRUE(device->read(base, back.bytes()).has_value());
    const auto nonzero = std::ranges::find_if(back.bytes(), [](std::uint8_t b) { return b != 0; });
    EXPECT_EQ(nonzero, back.bytes().end())
        << "byte " << base + static_cast<std::uint64_t>(nonzero - back.bytes().begin())
        << " is not zero after the wipe and its flush";
  }
}

}  // namespace
}  // namespace dextqual::lifecycle
