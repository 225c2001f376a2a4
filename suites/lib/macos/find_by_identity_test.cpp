// Guards re-finding a disk by identity after it went away on a Mac: the device module's decision
// (device::disks_with_identity, device::find_again) over the macOS listing finds the one physical
// disk with the serial/WWN in any spelling, refuses none and several, and looks again until it is back.
#include "macos/find_by_identity.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

DutIdentity identity(std::string serial, std::string wwn = {}) {
  DutIdentity out;
  out.serial = std::move(serial);
  out.wwn = std::move(wwn);
  return out;
}

std::vector<device::BlockDevice> disks(const char* registry) {
  auto listing = parse_diskutil_list(recorded("diskutil/hst-imager/list-all-usb-ide-adapter.plist"));
  auto archive = IoregArchive::parse(recorded(registry));
  EXPECT_TRUE(listing && archive);
  if (!listing || !archive) return {};
  const auto host = host_disks(*listing, {}, *archive);
  return {host.begin(), host.end()};
}

// The one disk with `wanted`, or why not.
Result<device::BlockDevice> pick(const std::vector<device::BlockDevice>& host, const DutIdentity& wanted) {
  device::FindOptions once;
  once.budget = std::chrono::milliseconds(0);
  once.list = [&host] { return Result<std::vector<device::BlockDevice>>(host); };
  once.usable = [](const device::BlockDevice&) { return true; };
  return device::find_again(wanted, once);
}

// Quick looks, and a replayed disk is usable (its node does not exist here).
device::FindOptions quick(std::chrono::milliseconds budget) {
  device::FindOptions options;
  options.budget = budget;
  options.poll = std::chrono::milliseconds(1);
  options.usable = [](const device::BlockDevice&) { return true; };
  return options;
}

TEST(MacosFindByIdentity, SerialOrWwnInAnySpellingFindsTheOneDisk) {
  const auto host = disks("ioreg/handwritten-host-usb-ide-adapter.plist");
  EXPECT_EQ(pick(host, identity("S0XPNYAC100001"))->name, "disk2");
  EXPECT_EQ(pick(host, identity("", "naa.50025388A0000001"))->name, "disk2");
  EXPECT_EQ(pick(host, identity("S0XPNYAC100001", "0x50025388a0000001"))->name, "disk2");
}

TEST(MacosFindByIdentity, NoneSeveralOrAnEmptyIdentityAreRefused) {
  EXPECT_FALSE(pick(disks("ioreg/handwritten-host-usb-ide-adapter.plist"), identity("OTHER")));
  EXPECT_FALSE(pick(disks("ioreg/handwritten-host-usb-ide-adapter.plist"), identity("", "")));
  auto twice =
      pick(disks("ioreg/handwritten-host-usb-ide-adapter-same-serial.plist"), identity("S0XPNYAC100001"));
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message().find("2 disks have that identity"), std::string::npos)
      << twice.error().message();
}

TEST(MacosFindAgain, LooksAgainUntilTheDiskIsBack) {
  // First look: another device is at disk2 (the USB stick of the other capture session); then ours.
  // That Mac's `apfs list` was not captured; its listing names the container's stores itself, so the
  // empty container list (a real output, from another Mac) changes nothing here.
  ReplayedCommands replay;
  replay.on("diskutil apfs list -plist", {"diskutil/cauliflowervest/apfs-list-empty.plist"})
      .then("diskutil list -plist", {"diskutil/hst-imager/list-all-usb-stick.plist"})
      .then("diskutil list -plist", {"diskutil/hst-imager/list-all-usb-ide-adapter.plist"})
      .then("ioreg -a -l -t -r -c IOMedia", {"ioreg/handwritten-host-usb-stick.plist"})
      .then("ioreg -a -l -t -r -c IOMedia", {"ioreg/handwritten-host-usb-ide-adapter.plist"});
  auto found = find_again(replay.runner(), identity("S0XPNYAC100001"), quick(std::chrono::seconds(5)));
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->node, "/dev/disk2");
}

TEST(MacosFindAgain, GivesUpWithTheLastReason) {
  ReplayedCommands replay;
  replay.on("diskutil list -plist", {"diskutil/hst-imager/list-all-usb-stick.plist"})
      .on("diskutil apfs list -plist", {"diskutil/cauliflowervest/apfs-list-empty.plist"})
      .on("ioreg -a -l -t -r -c IOMedia", {"ioreg/handwritten-host-usb-stick.plist"});
  auto found = find_again(replay.runner(), identity("S0XPNYAC100001"), quick(std::chrono::milliseconds(20)));
  ASSERT_FALSE(found);
  EXPECT_NE(found.error().message().find("no disk with that identity"), std::string::npos)
      << found.error().message();
}

}  // namespace
}  // namespace dextqual::macos
