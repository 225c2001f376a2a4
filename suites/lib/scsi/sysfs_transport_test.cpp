// Device paths in the shapes the kernel builds them (Documentation/scsi/scsi_fc_transport.rst: rport
// between host and target; SAS: port-/end_device-; iscsi_tcp: session under the host; libata: ataN
// above the host) and as the fixtures/qemu guests show them.
#include "scsi/sysfs_transport.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

std::optional<TransportProtocol> shown(SysfsScsiDevice device) {
  auto found = protocol_from_sysfs(device);
  if (!found) return std::nullopt;
  return found->protocol;
}

TEST(SysfsTransport, TransportClassesAndTransportObjectsNameTheProtocol) {
  EXPECT_EQ(
      shown(
          {"/sys/devices/pci0000:00/0000:00:04.0/host0/target0:0:0/0:0:0:0", "sym53c8xx", {"spi_transport"}}),
      TransportProtocol::parallel_scsi);
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/0000:03:00.0/host5/rport-5:0-2/target5:0:1/5:0:1:0",
                   "qla2xxx",
                   {"fc_transport"}}),
            TransportProtocol::fibre_channel);
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/0000:03:00.0/host5/rport-5:0-2/target5:0:1/5:0:1:0", "lpfc", {}}),
            TransportProtocol::fibre_channel);
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/0000:01:00.0/host0/port-0:0/end_device-0:0/target0:0:0/0:0:0:0",
                   "mpt3sas",
                   {}}),
            TransportProtocol::sas);
  EXPECT_EQ(shown({"/sys/devices/platform/host3/session1/target3:0:0/3:0:0:0", "iscsi_tcp", {}}),
            TransportProtocol::iscsi);
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0", "ahci", {}}),
            TransportProtocol::ata);
}

TEST(SysfsTransport, DriversWithoutATransportClassAreKnownByName) {
  auto virtio = protocol_from_sysfs(
      {"/sys/devices/pci0000:00/0000:00:04.0/virtio1/host0/target0:0:0/0:0:0:0", "virtio_scsi", {}});
  ASSERT_TRUE(virtio);
  EXPECT_EQ(virtio->protocol, TransportProtocol::virtual_interface);
  EXPECT_EQ(virtio->evidence, "host driver virtio_scsi");
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/0000:00:04.0/host0/target0:2:0/0:2:0:0", "megaraid_sas", {}}),
            TransportProtocol::sas);
  EXPECT_FALSE(shown({"/sys/devices/pci0000:00/0000:00:04.0/host0/target0:0:0/0:0:0:0", "some_new_hba", {}}));
}

TEST(SysfsTransport, ATransportClassOutranksTheDriverName) {
  // An FC HBA whose driver is also in the name table would still be judged by its transport class.
  EXPECT_EQ(shown({"/sys/devices/pci0000:00/host0/target0:0:0/0:0:0:0", "virtio_scsi", {"fc_transport"}}),
            TransportProtocol::fibre_channel);
}

}  // namespace
}  // namespace dextqual::scsi
