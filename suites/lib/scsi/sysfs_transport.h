// What Linux shows about a SCSI device's transport (F7 on Linux), decided from sysfs facts the platform
// file gathers (platform/linux/os_protocol_view.cpp): the SCSI transport class the HBA driver attached
// (/sys/class/{fc,spi}_transport/targetH:C:T; the SAS, iSCSI and FC objects in the device's sysfs path:
// end_device-*, session*, rport-*), libata and USB hosts by their path, and last the host driver
// (/sys/class/scsi_host/hostH/proc_name) for HBAs that attach no transport class. Pure, so it is tested
// on facts recorded from real guests (fixtures/qemu) and from the kernel's documented layouts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scsi/transport_protocol.h"

namespace dextqual::scsi {

struct SysfsScsiDevice {
  std::string device_path;  // canonical sysfs path of the SCSI device, ending in H:C:T:L
  std::string host_driver;  // the scsi_host's proc_name
  std::vector<std::string>
      transport_classes;  // "fc_transport", "spi_transport": those with an entry for the target
};

struct ShownProtocol {
  TransportProtocol protocol;
  std::string evidence;  // where it was seen, e.g. "sysfs spi_transport" or "host driver virtio_scsi"
};

// nullopt: sysfs names no protocol (an HBA driver without a transport class that is not in the table).
[[nodiscard]] std::optional<ShownProtocol> protocol_from_sysfs(const SysfsScsiDevice& device);

}  // namespace dextqual::scsi
