// Guards which disks count as the running system on a Mac: the physical stores of the booted APFS
// container (Big Sur's sealed snapshot at / included), the container itself, the CoreStorage physical
// volume, every disk behind /System/Volumes/*. On real captures of three Macs.
#include "macos/system_disks.h"

#include <gtest/gtest.h>

#include "macos/recorded_listing_test_support.h"
#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(SystemDisks, BigSurSealedSnapshotLeadsToThePhysicalStore) {
  // / is disk1s5s1, a snapshot in container disk1 on disk0s2; the USB stick disk2 is not the system.
  const auto list = recorded_listing("diskutil/hst-imager/list-all-usb-stick.plist");
  EXPECT_EQ(system_disks_from(list, DiskutilInfo{}, {}), (std::vector<std::string>{"disk0", "disk1"}));
}

TEST(SystemDisks, HighSierraRootInfoAndApfsListAgree) {
  const auto list = recorded_listing("diskutil/cauliflowervest/list.plist");
  auto root = parse_diskutil_info(recorded("diskutil/cauliflowervest/info-root.plist"));
  ASSERT_TRUE(root) << root.error().message();
  auto containers = parse_apfs_list(recorded("diskutil/cauliflowervest/apfs-list.plist"));
  ASSERT_TRUE(containers);
  const std::vector<std::string> expected = {"disk0", "disk1"};
  EXPECT_EQ(system_disks_from(list, *root, *containers), expected);
  EXPECT_EQ(system_disks_from({}, *root, *containers), expected) << "info / and apfs list alone suffice";
}

TEST(SystemDisks, CoreStorageRootOnItsPhysicalVolume) {
  // / is CoreStorage volume disk1 on disk0s2; `diskutil info -plist /` on that Mac is disk1's info.
  const auto list = recorded_listing("diskutil/drivelist/list-corestorage-root.plist");
  auto root = parse_diskutil_info(recorded("diskutil/drivelist/info-disk1-corestorage-root.plist"));
  ASSERT_TRUE(root) << root.error().message();
  EXPECT_EQ(system_disks_from(list, *root, {}), (std::vector<std::string>{"disk0", "disk1"}));
  EXPECT_EQ(system_disks_from({}, *root, {}), (std::vector<std::string>{"disk0", "disk1"}));
}

TEST(SystemDisks, SystemMountPoints) {
  EXPECT_TRUE(is_system_mount_point("/"));
  EXPECT_TRUE(is_system_mount_point("/System/Volumes/Data"));
  EXPECT_TRUE(is_system_mount_point("/private/var/vm"));
  EXPECT_FALSE(is_system_mount_point("/Volumes/PC"));
  EXPECT_FALSE(is_system_mount_point("/Systems"));
}

}  // namespace
}  // namespace dextqual::macos
