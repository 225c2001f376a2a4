// Guards where the volume of an erased disk is: in a partition for HFS+/ExFAT/FAT, in the synthesized
// container on the disk's Apple_APFS partition for APFS — on real listings.
#include "macos/erased_volume.h"

#include <gtest/gtest.h>

#include "macos/recorded_listing_test_support.h"
#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(ErasedVolume, ApfsVolumeLivesInTheContainerOnTheDisksPartition) {
  const auto list = recorded_listing("diskutil/hst-imager/list-all-usb-stick.plist");
  auto volume = volume_of_erased_disk(list, "disk0", "Preboot");
  ASSERT_TRUE(volume) << volume.error().message();
  EXPECT_EQ(volume->device_identifier, "disk1s2");
  EXPECT_TRUE(volume->apfs_volume);
  auto system = volume_of_erased_disk(list, "disk0", "macOS");
  ASSERT_TRUE(system) << system.error().message();
  EXPECT_EQ(system->device_identifier, "disk1s5") << "the volume, not its snapshot disk1s5s1";
}

TEST(ErasedVolume, PlainPartitionForOtherFilesystems) {
  auto volume = volume_of_erased_disk(recorded_listing("diskutil/hst-imager/list-all-usb-ide-adapter.plist"),
                                      "disk2", "PC");
  ASSERT_TRUE(volume) << volume.error().message();
  EXPECT_EQ(volume->device_identifier, "disk2s1");
  EXPECT_EQ(volume->mount_point, "/Volumes/PC");
}

TEST(ErasedVolume, MissingVolumeOrDiskSaysWhatTheListingShows) {
  const auto list = recorded_listing("diskutil/hst-imager/list-all-usb-stick.plist");
  auto missing = volume_of_erased_disk(list, "disk0", "DQ");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("disk1s1 'macOS – data'"), std::string::npos)
      << missing.error().message();
  EXPECT_FALSE(volume_of_erased_disk(list, "disk9", "DQ"));
}

}  // namespace
}  // namespace dextqual::macos
