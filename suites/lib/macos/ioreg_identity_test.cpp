// Guards where a disk's serial and WWN come from on macOS: VPD 80h/83h as the SCSI stack publishes them
// on the logical-unit nub ("INQUIRY Unit Serial Number", "INQUIRY Device Identification"), else the
// driver's "Device Characteristics"; the WWN in the spelling Linux's sysfs uses, so one identity
// names the same disk on both.
#include "macos/ioreg_identity.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

RegistryDisk disk(const char* fixture, const char* bsd_name) {
  auto archive = IoregArchive::parse(recorded(fixture));
  EXPECT_TRUE(archive) << archive.error().message();
  const auto path = archive->path_to_media(bsd_name);
  EXPECT_TRUE(path.has_value()) << bsd_name;
  return path ? registry_disk(*path) : RegistryDisk{};
}

TEST(IoregIdentity, ScsiDiskSerialAndNaaWwnFromTheInquiryPages) {
  const RegistryDisk found = disk("ioreg/handwritten-host-usb-ide-adapter.plist", "disk2");
  EXPECT_EQ(found.identity.serial, "S0XPNYAC100001") << "trailing INQUIRY padding trimmed";
  EXPECT_EQ(found.identity.wwn, "50025388a0000001");
  EXPECT_EQ(found.identity.vendor, "SAMSUNG");
  EXPECT_EQ(found.identity.product, "SSD PM830 mSATA");
  EXPECT_EQ(found.block_size, 512u);
  EXPECT_EQ(found.size_bytes, 128035676160u);
}

TEST(IoregIdentity, NvmeDiskSerialFromDeviceCharacteristics) {
  const RegistryDisk found = disk("ioreg/handwritten-host-usb-ide-adapter.plist", "disk0");
  EXPECT_EQ(found.identity.serial, "BTNH000000000512A");
  EXPECT_TRUE(found.identity.wwn.empty());
  EXPECT_EQ(found.identity.product, "INTEL SSDPEKNW512G8");
}

TEST(IoregIdentity, NoSerialAnywhereIsEmptyNotTheUsbBridgesSerial) {
  // The USB device's own serial is the bridge's, not the medium's: not an identity for the gate.
  const RegistryDisk found = disk("ioreg/handwritten-host-usb-stick.plist", "disk2");
  EXPECT_TRUE(found.identity.serial.empty());
  EXPECT_EQ(found.identity.product, "Flash Disk");
}

TEST(IoregIdentity, OnlyTheLogicalUnitsNaaDesignatorIsTheWwn) {
  nlohmann::json ids = nlohmann::json::array();
  ids.push_back({{"Association", 1}, {"Identifier Type", 3}, {"Identifier", "UAAAAAAAAAE="}});  // target port
  EXPECT_EQ(naa_wwn(ids), "");
  ids.push_back({{"Association", 0}, {"Identifier Type", 3}, {"Identifier", "YAAAAAAAAAI="}});
  EXPECT_EQ(naa_wwn(ids), "6000000000000002");
}

}  // namespace
}  // namespace dextqual::macos
