// The safety gate's decisions on a Mac, on the records the macOS adapter builds from real diskutil
// captures (fixtures/macos/diskutil/PROVENANCE.md; hst-imager's Big Sur Mac: internal NVMe disk0, APFS
// container disk1 with / on its sealed snapshot, an external USB-attached SCSI disk2 with a mounted FAT
// volume) and a hand-written IORegistry for its identities. It admits the external disk once nothing on
// it is mounted, and refuses the traps it refuses on Linux: the system disk, a mounted volume, a
// partition or synthesized disk, an ambiguous identity, an identity that changed.
#include <gtest/gtest.h>

#include "macos/host_disks.h"
#include "macos/replayed_commands.h"
#include "macos/system_disks.h"
#include "runner/safety_gate.h"
#include "runner/tests/safety_gate_test_support.h"

namespace dextqual::runner {
namespace {

// What the device module's macOS listing gives the gate (device/platform/macos/block_devices.cpp).
HostSnapshot snapshot(const char* listing_fixture, const char* registry_fixture) {
  auto listing = macos::parse_diskutil_list(macos::recorded(listing_fixture));
  EXPECT_TRUE(listing) << listing.error().message();
  auto registry = macos::IoregArchive::parse(macos::recorded(registry_fixture));
  EXPECT_TRUE(registry) << registry.error().message();
  HostSnapshot host;
  if (!listing || !registry) return host;
  const auto disks = macos::host_disks(*listing, {}, *registry);
  host.devices.assign(disks.begin(), disks.end());  // a macOS record is a device record
  host.mounts = macos::host_mounts(*listing);
  // That Mac's `diskutil info -plist /` was not captured: the listing's mounts alone name the system.
  host.system_disks = macos::system_disks_from(*listing, {}, {});
  return host;
}

constexpr const char* kMounted = "diskutil/hst-imager/list-all-usb-ide-adapter.plist";
constexpr const char* kUnmounted = "diskutil/hst-imager/derived-list-all-usb-ide-adapter-unmounted.plist";
constexpr const char* kRegistry = "ioreg/handwritten-host-usb-ide-adapter.plist";

TEST(SafetyGateMacos, AdmitsTheExternalScsiDiskByPathSerialOrWwn) {
  const HostSnapshot host = snapshot(kUnmounted, kRegistry);
  EXPECT_EQ(refusal(choose_device(host, by_path("disk2", "S0XPNYAC100001"))), "admitted");
  EXPECT_EQ(choose_device(host, by_path("disk2", "naa.50025388a0000001"))->node, "/dev/disk2");
  MatchRules by_identity;
  by_identity.serial = "S0XPNYAC100001";
  EXPECT_EQ(choose_device(host, by_identity)->name, "disk2") << "came back under any number";
}

TEST(SafetyGateMacos, RefusesTheSystemDiskBehindTheSealedSnapshot) {
  const HostSnapshot host = snapshot(kUnmounted, kRegistry);
  EXPECT_NE(refusal(choose_device(host, by_path("disk0", "BTNH000000000512A"))).find("running system"),
            std::string::npos);
}

TEST(SafetyGateMacos, RefusesTheSynthesizedContainerAndPartitions) {
  const HostSnapshot host = snapshot(kUnmounted, kRegistry);
  EXPECT_NE(refusal(choose_device(host, by_path("disk1", ""))).find("partition of /dev/disk0"),
            std::string::npos);
  EXPECT_NE(refusal(choose_device(host, by_path("disk2s1", ""))).find("partition of /dev/disk2"),
            std::string::npos);
}

TEST(SafetyGateMacos, RefusesADiskWithAMountedVolume) {
  const HostSnapshot host = snapshot(kMounted, kRegistry);
  EXPECT_NE(refusal(choose_device(host, by_path("disk2", "S0XPNYAC100001"))).find("/Volumes/PC"),
            std::string::npos);
}

TEST(SafetyGateMacos, RefusesAnAmbiguousIdentity) {
  const HostSnapshot host = snapshot(kUnmounted, "ioreg/handwritten-host-usb-ide-adapter-same-serial.plist");
  MatchRules rules = by_path("disk2", "");
  rules.serial = "S0XPNYAC100001";
  EXPECT_NE(refusal(choose_device(host, rules)).find("2 devices have this identity"), std::string::npos);
}

TEST(SafetyGateMacos, RefusesWhenTheIdentityChanged) {
  const HostSnapshot host = snapshot(kUnmounted, kRegistry);
  EXPECT_NE(refusal(choose_device(host, by_path("disk2", "S0XPNYAC999999"))).find("does not name"),
            std::string::npos);
  const HostSnapshot anonymous = snapshot(kUnmounted, "ioreg/no-match.txt");
  EXPECT_NE(refusal(choose_device(anonymous, by_path("disk2", "S0XPNYAC100001"))).find("does not name"),
            std::string::npos)
      << "no IORegistry identity: data loss cannot be allowed";
}

}  // namespace
}  // namespace dextqual::runner
