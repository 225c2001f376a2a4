// Guards the macOS disk lifecycle (diskutil verbs) by replaying outputs: argument spelling, F3's wipe
// failure, dissented unmounts, and where the volume of an erased disk is — after an APFS erase it is
// in a synthesized container disk, not in the partition `diskutil list diskN` shows.
#include "macos/diskutil_disk_lifecycle.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

using platform::Filesystem;
using platform::Partition;
using platform::PartitionSpec;

TEST(DiskutilDiskLifecycle, PartitionDiskArgumentsAndWipeFailure) {
  ReplayedCommands replay;
  const std::string command = "diskutil partitionDisk disk5 2 GPT JHFS+ dq-hfs 268435456B ExFAT dq-exfat R";
  replay.on(command, {"diskutil/partitionDisk-69825.stdout", "diskutil/partitionDisk-69825.stderr", 1});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  const std::vector<PartitionSpec> layout = {{"dq-hfs", Filesystem::hfsplus, 268435456},
                                             {"dq-exfat", Filesystem::exfat, 0}};
  auto status = lifecycle->partition_gpt("/dev/rdisk5", layout);
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message().find("-69825"), std::string::npos) << status.error().message();
  EXPECT_EQ(replay.asked(), std::vector<std::string>{command});
  EXPECT_TRUE(lifecycle->why_unsupported(Filesystem::ext4).has_value());
}

TEST(DiskutilDiskLifecycle, PartitionsAfterTheEfiPartitionAreOurs) {
  ReplayedCommands replay;
  replay.on("diskutil list -plist disk5", {"diskutil/list-disk5.plist"});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto partitions = lifecycle->reread_partitions("/dev/disk5", 2);
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  EXPECT_EQ((*partitions)[0].node, "/dev/disk5s2");
  EXPECT_EQ((*partitions)[0].number, 1u);
  EXPECT_EQ((*partitions)[1].size_bytes, 65999522181120u);
  EXPECT_FALSE(lifecycle->reread_partitions("/dev/disk5", 3).has_value());
}

TEST(DiskutilDiskLifecycle, DissentedUnmountCarriesDiskutilsWords) {
  ReplayedCommands replay;
  replay.on("diskutil unmountDisk disk5",
            {"diskutil/unmountDisk-dissented.stdout", "diskutil/unmountDisk-dissented.stderr", 1});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto status = lifecycle->unmount_disk("/dev/disk5");
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message().find("-69888"), std::string::npos) << status.error().message();
}

TEST(DiskutilDiskLifecycle, CheckIsVerifyVolumeAndFormatIsEraseVolume) {
  ReplayedCommands replay;
  replay.on("diskutil eraseVolume 'MS-DOS FAT32' DQ-FAT disk5s2", {});
  replay.on("diskutil verifyVolume disk5s2", {});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  Partition partition;
  partition.node = "/dev/disk5s2";
  ASSERT_TRUE(lifecycle->format(partition, Filesystem::vfat, "DQ-FAT").has_value());
  ASSERT_TRUE(lifecycle->check(partition, Filesystem::vfat).has_value());
  const std::vector<std::string> expected = {"diskutil eraseVolume 'MS-DOS FAT32' DQ-FAT disk5s2",
                                             "diskutil verifyVolume disk5s2"};
  EXPECT_EQ(replay.asked(), expected);
}

TEST(DiskutilDiskLifecycle, EraseDiskWipeFailureIsF3) {
  ReplayedCommands replay;
  replay.on("diskutil eraseDisk JHFS+ dq GPT disk5",
            {"diskutil/eraseDisk-69825.stdout", "diskutil/partitionDisk-69825.stderr", 1});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto erased = lifecycle->erase_disk("/dev/disk5", Filesystem::hfsplus, "dq");
  ASSERT_FALSE(erased.has_value());
  EXPECT_NE(erased.error().message().find("-69825"), std::string::npos) << erased.error().message();
}

TEST(DiskutilDiskLifecycle, EraseDiskReturnsTheVolumeAfterEfi) {
  ReplayedCommands replay;
  replay.on("diskutil eraseDisk ExFAT DQ GPT disk5", {"diskutil/eraseDisk-ok.stdout"});
  replay.on("diskutil list -plist", {"diskutil/list-disk5-erased.plist"});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto erased = lifecycle->erase_disk("disk5", Filesystem::exfat, "DQ");
  ASSERT_TRUE(erased.has_value()) << erased.error().message();
  EXPECT_EQ(erased->node, "/dev/disk5s2");
}

TEST(DiskutilDiskLifecycle, ApfsEraseFindsTheVolumeInTheSynthesizedContainer) {
  // On the real listing of hst-imager's Mac, disk0s2 is the physical store of container disk1: a volume
  // of disk0 "erased" to APFS is found in disk1, which `diskutil list disk0` would not show.
  ReplayedCommands replay;
  replay.on("diskutil eraseDisk APFS Preboot GPT disk0", {});
  replay.on("diskutil list -plist", {"diskutil/hst-imager/list-all-usb-stick.plist"});
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto erased = lifecycle->erase_disk("/dev/disk0", Filesystem::apfs, "Preboot");
  ASSERT_TRUE(erased.has_value()) << erased.error().message();
  EXPECT_EQ(erased->node, "/dev/disk1s2");
  EXPECT_EQ(erased->size_bytes, 511900434432u);
}

}  // namespace
}  // namespace dextqual::macos
