// F1: buffered writes of 64 MiB .. 1 GiB to the block node itself, fsynced, then verified bypassing the
// host cache and again through it after dropping it. "<= 128 MB always fine, >= 256 MB always corrupt".
#include <gtest/gtest.h>

#include <iostream>

#include "buffered/buffered_sizes.h"
#include "buffered/stamped_region.h"
#include "buffered/sweep_report.h"
#include "lifecycle/lifecycle_disk.h"
#include "testing/dut_environment.h"

namespace dextqual::buffered {
namespace {

using testing::dut;

TEST(BufferedBlockNode, SizeSweepVerifiesOnTheDeviceAndThroughTheCache) {
  // F1: a flush answered GOOD without destaging shows only once the dirty set is large.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(root);  // BLKFLSBUF and drop_caches
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity) << identity.error().message();
  const auto keys = integrity::StampKeys::for_run(*identity);
  auto disk = platform::make_disk_lifecycle(platform::system_command_runner());
  RegionPaths paths{dut().buffered_node, dut().raw_node,
                    [&] { return disk->drop_caches(dut().buffered_node); }};
  integrity::ExpectedState expected;
  std::vector<SizeOutcome> outcomes;
  for (std::uint64_t size : buffered_sizes(dut().capacity_bytes(), dut().quick)) {
    const integrity::LbaRange range{0, size / 512};
    const TwiceVerified result =
        write_fsync_verify_twice(paths, keys, expected, range, dut().logical_block_size / 512);
    std::cout << size / kMiB << " MiB through the page cache of " << dut().buffered_node << ": "
              << result.describe() << "\n";
    outcomes.push_back({size, result.passed(), result.describe()});
    // For the HTML report's sweep picture (reports/README.md): 1 verified, 0 did not.
    RecordProperty("sweep_ok." + std::to_string(size), result.passed() ? "1" : "0");
  }
  ASSERT_FALSE(outcomes.empty()) << "the DUT is smaller than the smallest buffered size";
  const std::string summary = summarize_sizes(outcomes);
  EXPECT_TRUE(summary.empty())
      << "buffered writes to " << dut().buffered_node << " (fsync, then read back): " << summary
      << "hint (F1): data that fsync() reported durable is not on the device: the "
         "device answered SYNCHRONIZE CACHE GOOD without destaging, or lost its dirty cache";
}

}  // namespace
}  // namespace dextqual::buffered
