// Guards the walk through `ioreg -a` output: with -t the ancestors link through a single-dict
// IORegistryEntryChildren (IOKitTools ioreg.c archive_search), below the match through an array; a
// hand-written guess that used arrays all the way down (the old fixtures) must not be the only shape read.
#include "macos/ioreg_archive.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(IoregArchive, PathFromTheRegistryRootDownToTheMedia) {
  auto archive = IoregArchive::parse(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"));
  ASSERT_TRUE(archive) << archive.error().message();
  const auto path = archive->path_to_media("/dev/rdisk2");
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ((*path->front())["IORegistryEntryName"], "Root");
  EXPECT_EQ((*path->back())["BSD Name"], "disk2");
  const auto partition = archive->path_to_media("disk2s1");
  ASSERT_TRUE(partition.has_value());
  EXPECT_EQ(partition->size(), path->size() + 2) << "media, partition scheme, partition";
}

TEST(IoregArchive, NestedCharacteristicsNearestFirst) {
  auto archive = IoregArchive::parse(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"));
  ASSERT_TRUE(archive);
  const auto path = archive->path_to_media("disk2");
  ASSERT_TRUE(path);
  const auto* interconnect =
      nearest_nested_property(*path, "Protocol Characteristics", "Physical Interconnect");
  ASSERT_NE(interconnect, nullptr);
  EXPECT_EQ(*interconnect, "USB");
  const auto* location =
      nearest_nested_property(*path, "Protocol Characteristics", "Physical Interconnect Location");
  ASSERT_NE(location, nullptr);
  EXPECT_EQ(*location, "External");
  EXPECT_EQ(nearest_nested_property(*path, "Protocol Characteristics", "SCSI Domain Identifier"), nullptr);
}

TEST(IoregArchive, ApfsContainerMediaIsFoundInsideThePhysicalDisksSubtree) {
  // -r stops matching below a match: disk1 (AppleAPFSMedia) is printed inside disk0's subtree only.
  auto archive = IoregArchive::parse(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"));
  ASSERT_TRUE(archive);
  const auto path = archive->path_to_media("disk1");
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ((*(*path)[path->size() - 2])["IOObjectClass"], "AppleAPFSContainer");
}

TEST(IoregArchive, EmptyOutputIsNoMatchNotAnError) {
  auto archive = IoregArchive::parse(recorded("ioreg/no-match.txt"));
  ASSERT_TRUE(archive);
  EXPECT_TRUE(archive->empty());
  EXPECT_FALSE(archive->path_to_media("disk0").has_value());
  EXPECT_FALSE(IoregArchive::parse("<plist><array><dict>").has_value());
}

}  // namespace
}  // namespace dextqual::macos
