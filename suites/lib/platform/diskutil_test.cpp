// Guards the macOS diskutil adapter against outputs recorded on Macs (fixtures/macos/diskutil/,
// MACOS.md §4 and §7): <real> sizes, missing keys, "Yes" for true, NSLog lines inside the plist, error
// dicts, `Error: -698xx` lines on stderr beside localized prose (F3's -69825 among them).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "diskutil_disk_lifecycle.h"
#include "diskutil_error.h"
#include "diskutil_info.h"
#include "diskutil_plist.h"

namespace dextqual::platform {
namespace {

std::string recording(const std::string& name) {
  std::ifstream in(std::string(DEXTQUAL_DISKUTIL_FIXTURES) + "/" + name);
  EXPECT_TRUE(in.good()) << "missing recording " << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Replays a recorded output per command line and remembers what was asked.
struct Replay {
  std::map<std::string, CommandOutput> outputs;
  std::vector<std::string> asked;

  CommandRunner runner() {
    return [this](const CommandLine& command) -> Result<CommandOutput> {
      const std::string line = describe(command);
      asked.push_back(line);
      if (auto it = outputs.find(line); it != outputs.end()) {
        return it->second;
      }
      return CommandOutput{0, "", ""};
    };
  }
};

TEST(DiskutilInfo, BaselineRecording) {
  auto info = parse_diskutil_info(recording("info-disk5.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->device_identifier, "disk5");
  EXPECT_EQ(info->device_node, "/dev/disk5");
  EXPECT_EQ(info->size_bytes, 66000000000000u);
  EXPECT_EQ(info->block_size, 512u);
  EXPECT_TRUE(info->whole_disk);
  EXPECT_EQ(info->bus_protocol, "SCSI");
  EXPECT_EQ(info->removable, false);
  EXPECT_EQ(info->internal, false);
  EXPECT_EQ(info->writable, true);
}

TEST(DiskutilInfo, RealSizesMissingKeysAndYesStrings) {
  auto info = parse_diskutil_info(recording("info-disk5-real-sizes.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  // Size, not the smaller TotalSize (a volume's size on some releases).
  EXPECT_EQ(info->size_bytes, 66000000000000u);
  EXPECT_EQ(info->removable, false) << "falls back to RemovableMedia when Removable is missing";
  EXPECT_FALSE(info->solid_state.has_value());
  auto plist = parse_plist(recording("info-disk5-real-sizes.plist"));
  ASSERT_TRUE(plist.has_value());
  EXPECT_EQ(plist_flag(*plist, "Sealed"), true);
  EXPECT_TRUE((*plist)["TotalSize"].is_number_float());
}

TEST(DiskutilInfo, NsLogLinesAroundAndInsideThePlistAreIgnored) {
  auto info = parse_diskutil_info(recording("info-disk5-nslog.txt"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->device_identifier, "disk5");
  EXPECT_EQ(info->size_bytes, 66000000000000u);
}

TEST(DiskutilInfo, ErrorDictIsAnErrorWithDiskutilsMessage) {
  auto info = parse_diskutil_info(recording("info-not-found.plist"));
  ASSERT_FALSE(info.has_value());
  EXPECT_NE(info.error().message().find("Could not find disk: disk99"), std::string::npos);
  const auto error = diskutil_error({1, recording("info-not-found.plist"), ""});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->exit_code, 1);
}

TEST(DiskutilList, PartitionsEfiAndRealSizes) {
  auto disks = parse_diskutil_list(recording("list-disk5.plist"));
  ASSERT_TRUE(disks.has_value()) << disks.error().message();
  ASSERT_EQ(disks->size(), 1u);
  ASSERT_EQ((*disks)[0].partitions.size(), 3u);
  EXPECT_EQ((*disks)[0].partitions[0].content, "EFI");
  EXPECT_EQ((*disks)[0].partitions[2].size_bytes, 65999522181120u);
  EXPECT_EQ((*disks)[0].partitions[1].mount_point, "/Volumes/dq-hfs");
}

TEST(DiskutilList, WholeDiskWithoutPartitionsKeyAndApfsVolumes) {
  auto disks = parse_diskutil_list(recording("list-all.plist"));
  ASSERT_TRUE(disks.has_value()) << disks.error().message();
  ASSERT_EQ(disks->size(), 3u);
  EXPECT_EQ((*disks)[1].partitions.size(), 1u) << "APFSVolumes count as the container's partitions";
  EXPECT_TRUE((*disks)[2].partitions.empty());
  EXPECT_EQ((*disks)[2].size_bytes, 66000000000000u);
}

TEST(DiskutilError, WipeFailureOnStderrIsF3sCode) {
  const auto error =
      diskutil_error({1, recording("partitionDisk-69825.stdout"), recording("partitionDisk-69825.stderr")});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, -69825);
  EXPECT_EQ(error->message, "Wiping volume data to prevent future accidental probing failed");
  EXPECT_NE(error->describe().find("F3"), std::string::npos) << error->describe();
}

TEST(DiskutilError, LocalizedProgressWithExitZeroIsSuccess) {
  EXPECT_FALSE(diskutil_error({0, recording("partitionDisk-ok.stdout"), ""}).has_value());
  EXPECT_FALSE(diskutil_error({0, recording("eject-ok.stdout"), ""}).has_value());
}

TEST(DiskutilDiskLifecycle, PartitionDiskArgumentsAndWipeFailure) {
  Replay replay;
  const std::string command = "diskutil partitionDisk disk5 2 GPT JHFS+ dq-hfs 268435456B ExFAT dq-exfat R";
  replay.outputs[command] = {1, recording("partitionDisk-69825.stdout"),
                             recording("partitionDisk-69825.stderr")};
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  const std::vector<PartitionSpec> layout = {{"dq-hfs", Filesystem::hfsplus, 268435456},
                                             {"dq-exfat", Filesystem::exfat, 0}};
  auto status = lifecycle->partition_gpt("/dev/rdisk5", layout);
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message().find("-69825"), std::string::npos) << status.error().message();
  ASSERT_EQ(replay.asked.size(), 1u);
  EXPECT_EQ(replay.asked[0], command);
  EXPECT_TRUE(lifecycle->why_unsupported(Filesystem::ext4).has_value());
}

TEST(DiskutilDiskLifecycle, PartitionsAfterTheEfiPartitionAreOurs) {
  Replay replay;
  replay.outputs["diskutil list -plist disk5"] = {0, recording("list-disk5.plist"), ""};
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto partitions = lifecycle->reread_partitions("/dev/disk5", 2);
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  EXPECT_EQ((*partitions)[0].node, "/dev/disk5s2");
  EXPECT_EQ((*partitions)[0].number, 1u);
  EXPECT_EQ((*partitions)[1].size_bytes, 65999522181120u);
  EXPECT_FALSE(lifecycle->reread_partitions("/dev/disk5", 3).has_value());
}

TEST(DiskutilDiskLifecycle, DissentedUnmountCarriesDiskutilsWords) {
  Replay replay;
  replay.outputs["diskutil unmountDisk disk5"] = {1, recording("unmountDisk-dissented.stdout"),
                                                  recording("unmountDisk-dissented.stderr")};
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto status = lifecycle->unmount_disk("/dev/disk5");
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message().find("-69888"), std::string::npos) << status.error().message();
}

TEST(DiskutilDiskLifecycle, CheckIsVerifyVolumeAndFormatIsEraseVolume) {
  Replay replay;
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  Partition partition;
  partition.node = "/dev/disk5s2";
  ASSERT_TRUE(lifecycle->format(partition, Filesystem::vfat, "DQ-FAT").has_value());
  ASSERT_TRUE(lifecycle->check(partition, Filesystem::vfat).has_value());
  const std::vector<std::string> expected = {"diskutil eraseVolume 'MS-DOS FAT32' DQ-FAT disk5s2",
                                             "diskutil verifyVolume disk5s2"};
  EXPECT_EQ(replay.asked, expected);
}

TEST(DiskutilDiskLifecycle, EraseDiskWipeFailureIsF3) {
  Replay replay;
  replay.outputs["diskutil eraseDisk JHFS+ dq GPT disk5"] = {1, recording("eraseDisk-69825.stdout"),
                                                             recording("partitionDisk-69825.stderr")};
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto erased = lifecycle->erase_disk("/dev/disk5", Filesystem::hfsplus, "dq");
  ASSERT_FALSE(erased.has_value());
  EXPECT_NE(erased.error().message().find("-69825"), std::string::npos) << erased.error().message();
}

TEST(DiskutilDiskLifecycle, EraseDiskReturnsTheVolumeAfterEfi) {
  Replay replay;
  replay.outputs["diskutil eraseDisk ExFAT DQ GPT disk5"] = {0, recording("eraseDisk-ok.stdout"), ""};
  replay.outputs["diskutil list -plist disk5"] = {0, recording("list-disk5-erased.plist"), ""};
  auto lifecycle = make_diskutil_disk_lifecycle(replay.runner());
  auto erased = lifecycle->erase_disk("disk5", Filesystem::exfat, "DQ");
  ASSERT_TRUE(erased.has_value()) << erased.error().message();
  EXPECT_EQ(erased->node, "/dev/disk5s2");
}

}  // namespace
}  // namespace dextqual::platform
