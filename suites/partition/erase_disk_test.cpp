// Guards erasing the whole disk into one volume, as `diskutil eraseDisk` does (issue 7; F3 is the same
// wipe underneath): the volume is created, takes files, and keeps them across unmount, a table re-read
// and a remount.
#include <gtest/gtest.h>

#include "integrity/run_identity.h"
#include "lifecycle/partition_layout.h"
#include "lifecycle/stamped_file_set.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

TEST(EraseDisk, WholeDiskVolumeKeepsFilesAcrossRereadAndRemount) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(64 * kMiB));
  auto lifecycle = platform::make_disk_lifecycle(platform::system_command_runner());
  // The platform's native filesystem: what a user of that platform erases a disk to.
  platform::Filesystem filesystem = platform::Filesystem::ext4;
  if (lifecycle->why_unsupported(filesystem)) {
    filesystem = platform::Filesystem::apfs;
  }
  const auto unsupported = lifecycle->why_unsupported(filesystem);
  REQUIRE_DUT(host_offers(!unsupported, "no native filesystem to erase to: " + unsupported.value_or("")));
  auto partition = lifecycle->erase_disk(dut().buffered_node, filesystem, "dq-erased");
  ASSERT_TRUE(partition.has_value()) << partition.error().message();
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  StampedFileSet files(*identity, 6, 128);
  {
    auto volume = lifecycle->mount(*partition, filesystem);
    ASSERT_TRUE(volume.has_value()) << volume.error().message();
    ASSERT_TRUE(files.write(volume->path(), 1).has_value());
    ASSERT_TRUE(volume->unmount().has_value());
  }
  auto partitions = lifecycle->reread_partitions(dut().buffered_node, 1);
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  ASSERT_TRUE(lifecycle->drop_caches(partitions->front().node).has_value());
  auto volume = lifecycle->mount(partitions->front(), filesystem);
  ASSERT_TRUE(volume.has_value()) << volume.error().message();
  auto verified = files.verify(volume->path(), 1);
  EXPECT_TRUE(verified.has_value()) << verified.error().message();
}

}  // namespace
}  // namespace dextqual::lifecycle
