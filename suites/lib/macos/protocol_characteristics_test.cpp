#include "macos/protocol_characteristics.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace dextqual::macos {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(DEXTQUAL_FIXTURES) + "/macos/ioreg/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ProtocolCharacteristicsFromIoreg, TheControllersDictionaryReachesTheDiskAndItsPartitions) {
  // handwritten-acme-raid-f2.plist: the DEXT's controller publishes SCSI Parallel Interface, domain 2 (F7's
  // shape).
  const std::string xml = read_fixture("handwritten-acme-raid-f2.plist");
  for (const char* disk : {"disk5", "/dev/rdisk5", "disk5s1"}) {
    auto found = protocol_characteristics_from_ioreg(xml, disk);
    ASSERT_TRUE(found) << found.error().message();
    ASSERT_TRUE(found->has_value()) << disk;
    EXPECT_EQ((*found)->physical_interconnect, "SCSI Parallel Interface");
    EXPECT_EQ((*found)->physical_interconnect_location, "Internal/External");
    EXPECT_EQ((*found)->scsi_domain_identifier, 2u);
    EXPECT_EQ((*found)->published_by, "IOUserSCSIParallelInterfaceController");
  }
}

TEST(ProtocolCharacteristicsFromIoreg, NoDictionaryAboveTheDiskIsNoValueNotAnError) {
  auto found =
      protocol_characteristics_from_ioreg(read_fixture("handwritten-real-sizes-two-disks.plist"), "disk3");
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_FALSE(found->has_value());
}

TEST(ProtocolCharacteristicsFromIoreg, AMissingDiskOrEmptyOutputIsAnError) {
  EXPECT_FALSE(protocol_characteristics_from_ioreg(read_fixture("handwritten-acme-raid-f2.plist"), "disk9"));
  EXPECT_FALSE(protocol_characteristics_from_ioreg(read_fixture("no-match.txt"), "disk5"));
  EXPECT_FALSE(protocol_characteristics_from_ioreg("not xml <", "disk5"));
}

TEST(ProtocolCharacteristicsFromIoreg, AncestorsLinkedBySingleDictionariesAsIoregTPrintsThem) {
  // `ioreg -a -t`: each ancestor links the next through a single <dict>, not an array (ioreg.c).
  const std::string xml = read_fixture("handwritten-host-usb-ide-adapter.plist");
  auto internal = protocol_characteristics_from_ioreg(xml, "disk0");
  ASSERT_TRUE(internal && internal->has_value());
  EXPECT_EQ((*internal)->physical_interconnect, "PCI-Express");
  EXPECT_EQ((*internal)->physical_interconnect_location, "Internal");
  auto external = protocol_characteristics_from_ioreg(xml, "disk2");
  ASSERT_TRUE(external && external->has_value());
  EXPECT_EQ((*external)->physical_interconnect, "USB");
  EXPECT_EQ((*external)->physical_interconnect_location, "External");
}

TEST(ProtocolCharacteristicsFromIoreg, TheNearestEntryWins) {
  // The peripheral nub above the disk overrides the controller (copyProperty order, MACOS.md §2).
  const std::string xml = R"(<plist version="1.0"><array><dict>
    <key>IOObjectClass</key><string>Controller</string>
    <key>Protocol Characteristics</key><dict><key>Physical Interconnect</key><string>SCSI</string></dict>
    <key>IORegistryEntryChildren</key><array><dict>
      <key>IOObjectClass</key><string>IOSCSIPeripheralDeviceNub</string>
      <key>Protocol Characteristics</key><dict>
        <key>Physical Interconnect</key><string>Fibre Channel Interface</string>
        <key>Physical Interconnect Location</key><string>External</string></dict>
      <key>IORegistryEntryChildren</key><array><dict>
        <key>IOObjectClass</key><string>IOMedia</string><key>BSD Name</key><string>disk7</string>
      </dict></array></dict></array></dict></array></plist>)";
  auto found = protocol_characteristics_from_ioreg(xml, "disk7");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->physical_interconnect, "Fibre Channel Interface");
  EXPECT_EQ((*found)->physical_interconnect_location, "External");
  EXPECT_FALSE((*found)->scsi_domain_identifier.has_value());
  EXPECT_EQ((*found)->published_by, "IOSCSIPeripheralDeviceNub");
}

}  // namespace
}  // namespace dextqual::macos
