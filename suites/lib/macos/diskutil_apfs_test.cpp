// Guards the `diskutil apfs list -plist` reader on a real capture (High Sierra era, cauliflowervest)
// and on the empty dict a Mac without APFS prints.
#include "macos/diskutil_apfs.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(DiskutilApfsList, ContainerStoresAndVolumeRoles) {
  auto containers = parse_apfs_list(recorded("diskutil/cauliflowervest/apfs-list.plist"));
  ASSERT_TRUE(containers) << containers.error().message();
  ASSERT_EQ(containers->size(), 1u);
  const ApfsContainer& container = containers->front();
  EXPECT_EQ(container.reference, "disk1");
  EXPECT_EQ(container.stores(), std::vector<std::string>{"disk0s2"});
  ASSERT_EQ(container.volumes.size(), 4u);
  EXPECT_EQ(container.volumes[0].name, "Macintosh HD");
  EXPECT_TRUE(container.volumes[0].roles.empty()) << "10.13 gave the system volume no role";
  EXPECT_EQ(container.volumes[3].roles, std::vector<std::string>{"VM"});
}

TEST(DiskutilApfsList, NoApfsIsNoContainers) {
  auto containers = parse_apfs_list(recorded("diskutil/cauliflowervest/apfs-list-empty.plist"));
  ASSERT_TRUE(containers) << containers.error().message();
  EXPECT_TRUE(containers->empty());
}

}  // namespace
}  // namespace dextqual::macos
