// Guards the macOS host records the safety gate decides on: whole disk vs partition vs synthesized
// disk, mounts (a mounted APFS volume or snapshot marks its physical disk), identities from the
// IORegistry, and the discovery loop's commands, on real diskutil captures.
#include "macos/host_disks.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

const HostDisk& named(const std::vector<HostDisk>& disks, const std::string& name) {
  const auto it = std::find_if(disks.begin(), disks.end(), [&](const HostDisk& d) { return d.name == name; });
  EXPECT_NE(it, disks.end()) << name;
  static const HostDisk none;
  return it == disks.end() ? none : *it;
}

std::vector<HostDisk> hst_imager_disks(const char* registry_fixture) {
  auto listing = parse_diskutil_list(recorded("diskutil/hst-imager/list-all-usb-ide-adapter.plist"));
  EXPECT_TRUE(listing) << listing.error().message();
  auto registry = IoregArchive::parse(recorded(registry_fixture));
  EXPECT_TRUE(registry) << registry.error().message();
  return listing && registry ? host_disks(*listing, {}, *registry) : std::vector<HostDisk>{};
}

TEST(HostDisks, WholeDisksPartitionsAndTheSynthesizedContainer) {
  const auto disks = hst_imager_disks("ioreg/handwritten-host-usb-ide-adapter.plist");
  EXPECT_EQ(named(disks, "disk0").kind, DiskKind::physical);
  EXPECT_FALSE(named(disks, "disk0").is_partition);
  EXPECT_EQ(named(disks, "disk0s2").disk, "disk0");
  const HostDisk& container = named(disks, "disk1");
  EXPECT_EQ(container.kind, DiskKind::synthesized);
  EXPECT_TRUE(container.is_partition) << "never a DUT";
  EXPECT_EQ(container.disk, "disk0");
  EXPECT_EQ(named(disks, "disk1s5s1").kind, DiskKind::apfs_snapshot);
  EXPECT_EQ(named(disks, "disk1s5s1").disk, "disk0");
  EXPECT_EQ(named(disks, "disk1s1").kind, DiskKind::apfs_volume);
  const HostDisk& usb = named(disks, "disk2");
  EXPECT_EQ(usb.node, "/dev/disk2");
  EXPECT_EQ(usb.size_bytes, 128035676160u);
  EXPECT_EQ(usb.identity.serial, "S0XPNYAC100001");
  EXPECT_EQ(usb.identity_source, "IORegistry");
  EXPECT_EQ(named(disks, "disk2s1").disk, "disk2");
}

TEST(HostDisks, NoRegistryMeansNoIdentityAndSaysWhy) {
  const auto disks = hst_imager_disks("ioreg/no-match.txt");
  EXPECT_TRUE(named(disks, "disk2").identity.serial.empty());
  EXPECT_NE(named(disks, "disk2").identity_source.find("ioreg showed no IOMedia"), std::string::npos);
}

TEST(HostDisks, MountsOfPartitionsVolumesAndSnapshots) {
  auto listing = parse_diskutil_list(recorded("diskutil/hst-imager/list-all-usb-ide-adapter.plist"));
  ASSERT_TRUE(listing);
  const auto mounts = host_mounts(*listing);
  const auto has = [&](const std::string& device, const std::string& point) {
    return std::any_of(mounts.begin(), mounts.end(),
                       [&](const HostMount& m) { return m.device_name == device && m.mount_point == point; });
  };
  EXPECT_TRUE(has("disk2s1", "/Volumes/PC"));
  EXPECT_TRUE(has("disk1s5s1", "/"));
  EXPECT_TRUE(has("disk1s1", "/System/Volumes/Data"));
  EXPECT_FALSE(has("disk1s3", "")) << "Recovery is not mounted";
  EXPECT_EQ(
      std::count_if(mounts.begin(), mounts.end(), [](const HostMount& m) { return m.mount_point == "/"; }), 1)
      << "the snapshot listed twice is one mount";
}

TEST(HostDisks, DiscoveryRunsTheFourCommandsOnARealHighSierraMac) {
  ReplayedCommands replay;
  replay.on("diskutil list -plist", {"diskutil/cauliflowervest/list.plist"})
      .on("diskutil info -plist /", {"diskutil/cauliflowervest/info-root.plist"})
      .on("diskutil apfs list -plist", {"diskutil/cauliflowervest/apfs-list.plist"})
      .on("ioreg -a -l -t -r -c IOMedia", {"ioreg/no-match.txt"});
  auto host = discover_host(replay.runner());
  ASSERT_TRUE(host) << host.error().message();
  EXPECT_EQ(host->system_disks, (std::vector<std::string>{"disk0", "disk1"}));
  EXPECT_EQ(named(host->disks, "disk1s1").disk, "disk0");
  EXPECT_EQ(replay.asked().size(), 4u);
}

TEST(HostDisks, AFailingCommandIsAnErrorNamingIt) {
  ReplayedCommands replay;
  replay.on("diskutil list -plist", {"diskutil/cauliflowervest/list.plist"})
      .on("diskutil info -plist /", {"diskutil/info-not-found.plist", "", 1});
  auto host = discover_host(replay.runner());
  ASSERT_FALSE(host);
  EXPECT_NE(host.error().message().find("diskutil info -plist /"), std::string::npos)
      << host.error().message();
}

}  // namespace
}  // namespace dextqual::macos
