#include "scsi/transport_protocol.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

TEST(TransportProtocol, ProtocolIdentifiersFollowTheSpcTable) {
  EXPECT_EQ(from_protocol_identifier(0x0), TransportProtocol::fibre_channel);
  EXPECT_EQ(from_protocol_identifier(0x1), TransportProtocol::parallel_scsi);
  EXPECT_EQ(from_protocol_identifier(0x5), TransportProtocol::iscsi);
  EXPECT_EQ(from_protocol_identifier(0x6), TransportProtocol::sas);
  EXPECT_EQ(from_protocol_identifier(0x9), TransportProtocol::usb);
  EXPECT_EQ(from_protocol_identifier(0xA), TransportProtocol::pcie);
  EXPECT_FALSE(from_protocol_identifier(0xB));  // reserved
  EXPECT_FALSE(from_protocol_identifier(0xF));  // no specific protocol
}

TEST(TransportProtocol, MacPhysicalInterconnectNamesMapOntoTheSameList) {
  EXPECT_EQ(from_physical_interconnect("Fibre Channel Interface"), TransportProtocol::fibre_channel);
  EXPECT_EQ(from_physical_interconnect("SCSI Parallel Interface"), TransportProtocol::parallel_scsi);
  EXPECT_EQ(from_physical_interconnect("SCSI"), TransportProtocol::parallel_scsi);  // F7's DEXT
  EXPECT_EQ(from_physical_interconnect("SAS"), TransportProtocol::sas);
  EXPECT_EQ(from_physical_interconnect("Virtual Interface"), TransportProtocol::virtual_interface);
  EXPECT_FALSE(from_physical_interconnect("Apple Fabric"));
  EXPECT_FALSE(from_physical_interconnect("fibre channel interface"));  // the registry's strings are exact
  EXPECT_NE(from_physical_interconnect("SCSI"), from_physical_interconnect("Fibre Channel Interface"));
}

TEST(TransportProtocol, OnlyPortDesignatorsWithPivCarryAProtocol) {
  auto port = [](uint8_t protocol, bool piv, uint8_t association) {
    Designator d;
    d.protocol_identifier = protocol;
    d.piv = piv;
    d.association = association;
    return d;
  };
  const std::vector<Designator> designators{
      port(0x6, false, 1),                      // PIV 0: the field is reserved
      port(0x0, true, 0),                       // the LU's own designator: reserved
      port(0x1, true, 1),  port(0x1, true, 1),  // a repeat
      port(0x0, true, 2),                       // target device
  };
  EXPECT_EQ(port_protocol_identifiers(designators), (std::vector<uint8_t>{0x1, 0x0}));
  EXPECT_TRUE(port_protocol_identifiers({}).empty());
}

}  // namespace
}  // namespace dextqual::scsi
