// Guards the diskutil readers against `diskutil info -plist` and `list -plist` as real Macs printed them
// (fixtures/macos/diskutil/PROVENANCE.md): keys that come and go by release, TotalSize smaller than
// Size, whole disks without a Partitions key, APFS containers, snapshots and CoreStorage.
#include "macos/diskutil_info.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(DiskutilInfo, ExternalUsbDiskBehindAnIdeAdapter) {
  auto info = parse_diskutil_info(recorded("diskutil/hst-imager/info-disk2-usb-ide-adapter.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->device_identifier, "disk2");
  EXPECT_EQ(info->device_node, "/dev/disk2");
  EXPECT_EQ(info->size_bytes, 128035676160u);
  EXPECT_EQ(info->block_size, 512u);
  EXPECT_TRUE(info->whole_disk);
  EXPECT_EQ(info->bus_protocol, "USB");
  EXPECT_EQ(info->internal, false);
  EXPECT_EQ(info->removable, false) << "Removable wins over RemovableMediaOrExternalDevice";
  EXPECT_EQ(info->writable, true);
  EXPECT_EQ(info->virtual_or_physical, "Physical");
  EXPECT_TRUE(info->apfs_physical_stores.empty());
}

TEST(DiskutilInfo, SizeNotTheSmallerTotalSizeOfAnUnpartitionedStick) {
  // MACOS.md §7: TotalSize is the volume's 15665463296 here, Size the disk's.
  auto info = parse_diskutil_info(recorded("diskutil/hst-imager/info-disk2-usb-stick.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->size_bytes, 15682240512u);
}

TEST(DiskutilInfo, OlderReleaseWithoutRemovableOrSolidState) {
  auto info = parse_diskutil_info(recorded("diskutil/drivelist/info-disk3-sd-card-reader.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_FALSE(info->removable.has_value());
  EXPECT_FALSE(info->solid_state.has_value());
  EXPECT_TRUE(info->virtual_or_physical.empty());
  EXPECT_EQ(info->size_bytes, 3980394496u) << "no Size key: IOKitSize";
}

TEST(DiskutilInfo, ApfsContainerNamesItsPhysicalStore) {
  auto info = parse_diskutil_info(recorded("diskutil/hst-imager/info-disk1.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->virtual_or_physical, "Virtual");
  EXPECT_EQ(info->apfs_container, "disk1");
  EXPECT_EQ(info->apfs_physical_stores, std::vector<std::string>{"disk0s2"});
}

TEST(DiskutilInfo, CoreStorageRootVolumeNamesItsPhysicalVolume) {
  auto info = parse_diskutil_info(recorded("diskutil/drivelist/info-disk1-corestorage-root.plist"));
  ASSERT_TRUE(info.has_value()) << info.error().message();
  EXPECT_EQ(info->mount_point, "/");
  EXPECT_EQ(info->core_storage_pvs, std::vector<std::string>{"disk0s2"});
}

TEST(DiskutilInfo, ErrorDictIsAnErrorWithDiskutilsMessage) {
  // Hand-written (fixtures README): the documented error form.
  auto info = parse_diskutil_info(recorded("diskutil/info-not-found.plist"));
  ASSERT_FALSE(info.has_value());
  EXPECT_NE(info.error().message().find("Could not find disk: disk99"), std::string::npos);
}

TEST(DiskutilList, ApfsContainerVolumesAndTheSealedSnapshot) {
  auto disks = parse_diskutil_list(recorded("diskutil/hst-imager/list-all-usb-stick.plist"));
  ASSERT_TRUE(disks.has_value()) << disks.error().message();
  ASSERT_EQ(disks->size(), 3u);
  const DiskutilWholeDisk& container = (*disks)[1];
  EXPECT_EQ(container.device_identifier, "disk1");
  EXPECT_EQ(container.apfs_physical_stores, std::vector<std::string>{"disk0s2"});
  ASSERT_EQ(container.partitions.size(), 7u);
  EXPECT_TRUE(container.partitions[0].apfs_volume);
  EXPECT_EQ(container.partitions[0].mount_point, "/System/Volumes/Data");
  const DiskutilVolume& system = container.partitions[4];
  ASSERT_EQ(system.mounted_snapshots.size(), 1u);
  EXPECT_EQ(system.mounted_snapshots[0].device_identifier, "disk1s5s1");
  EXPECT_EQ(system.mounted_snapshots[0].mount_point, "/");
  EXPECT_EQ(system.mounted_snapshots[0].sealed, true);
  EXPECT_FALSE((*disks)[0].partitions[0].apfs_volume);
  EXPECT_EQ((*disks)[0].partitions[0].content, "EFI");
}

TEST(DiskutilList, WholeDiskThatIsItsOwnVolumeHasNoPartitionsKey) {
  auto disks = parse_diskutil_list(recorded("diskutil/hst-imager/list-external-usb-stick.plist"));
  ASSERT_TRUE(disks.has_value()) << disks.error().message();
  ASSERT_EQ(disks->size(), 1u);
  EXPECT_TRUE((*disks)[0].partitions.empty());
  EXPECT_EQ((*disks)[0].mount_point, "/Volumes/NO NAME");
  EXPECT_EQ((*disks)[0].size_bytes, 15682240512u);
}

TEST(DiskutilList, OldReleaseWithoutOsInternalAndACoreStorageRoot) {
  auto disks = parse_diskutil_list(recorded("diskutil/drivelist/list-corestorage-root.plist"));
  ASSERT_TRUE(disks.has_value()) << disks.error().message();
  ASSERT_EQ(disks->size(), 3u);
  EXPECT_EQ((*disks)[1].mount_point, "/");
  EXPECT_EQ((*disks)[2].partitions[0].mount_point, "/Volumes/HDD03");
}

TEST(WholeDiskOf, PartitionsVolumesAndSnapshots) {
  EXPECT_EQ(whole_disk_of("disk0s2"), "disk0");
  EXPECT_EQ(whole_disk_of("disk1s5s1"), "disk1");
  EXPECT_EQ(whole_disk_of("disk12"), "disk12");
  EXPECT_TRUE(is_snapshot_identifier("disk1s5s1"));
  EXPECT_FALSE(is_snapshot_identifier("disk1s5"));
  EXPECT_FALSE(is_snapshot_identifier("disk1"));
}

}  // namespace
}  // namespace dextqual::macos
