// F1: files of 64 MiB .. 1 GiB (capped by the volume) written through the page cache onto ext4 on the
// DUT, fsynced, verified with O_DIRECT reads and again through the cache after dropping it.
#include <gtest/gtest.h>

#include <iostream>

#include "buffered/buffered_sizes.h"
#include "buffered/dut_volume.h"
#include "buffered/stamped_region.h"
#include "buffered/sweep_report.h"
#include "testing/dut_environment.h"

namespace dextqual::buffered {
namespace {

using testing::dut;

TEST(BufferedFilesystem, FileSizeSweepOnExt4VerifiesOnTheDeviceAndThroughTheCache) {
  // F1: "cp of files <= 128 MB always fine, >= 256 MB always corrupt".
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(root);
  auto volume = make_dut_volume("dq-buffered");
  ASSERT_TRUE(volume) << volume.error().message();
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity) << identity.error().message();
  std::vector<SizeOutcome> outcomes;
  std::uint64_t index = 0;
  // ext4's metadata and reserved blocks take ~5%: leave a fifth of the volume free.
  for (std::uint64_t size : buffered_sizes(dut().capacity_bytes() * 4 / 5, dut().quick)) {
    const auto path = volume->volume.path() / ("sweep-" + std::to_string(size / kMiB) + "MiB.bin");
    // Each file its own key stream: a block of an earlier, deleted file reads as foreign, not intact.
    const auto keys = integrity::StampKeys::for_run(*identity, ++index);
    RegionPaths paths{path.string(), path.string(),
                      [&] { return volume->disk->drop_caches(dut().buffered_node); }};
    integrity::ExpectedState expected;
    const TwiceVerified result = write_fsync_verify_twice(paths, keys, expected, {0, size / 512}, 1);
    std::cout << path.filename().string() << ": " << result.describe() << "\n";
    outcomes.push_back({size, result.passed(), result.describe()});
    // For the HTML report's sweep picture (reports/README.md): 1 verified, 0 did not.
    RecordProperty("sweep_ok." + std::to_string(size), result.passed() ? "1" : "0");
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  ASSERT_FALSE(outcomes.empty()) << "the volume is smaller than the smallest buffered size";
  const std::string summary = summarize_sizes(outcomes);
  EXPECT_TRUE(summary.empty()) << "files on ext4 on " << dut().buffered_node
                               << " (fsync, then read back): " << summary
                               << "hint (F1): data that fsync() reported durable is not on the device";
  EXPECT_TRUE(volume->volume.unmount());
}

}  // namespace
}  // namespace dextqual::buffered
