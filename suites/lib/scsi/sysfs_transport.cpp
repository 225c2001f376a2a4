#include "scsi/sysfs_transport.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>
#include <utility>

namespace dextqual::scsi {
namespace {

bool has_class(const SysfsScsiDevice& device, std::string_view name) {
  return std::find(device.transport_classes.begin(), device.transport_classes.end(), name) !=
         device.transport_classes.end();
}

// The first component of the device path that starts with `prefix` (the transport objects the
// kernel inserts between the host and the target: rport-H:C-N, end_device-H:N, sessionN, ataN, usbN).
std::optional<std::string> path_component(const SysfsScsiDevice& device, std::string_view prefix) {
  for (const auto& part : std::filesystem::path(device.device_path)) {
    const std::string text = part.string();
    if (text.starts_with(prefix) && text.size() > prefix.size()) return text;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ShownProtocol> protocol_from_sysfs(const SysfsScsiDevice& device) {
  if (has_class(device, "fc_transport"))
    return ShownProtocol{TransportProtocol::fibre_channel, "sysfs fc_transport"};
  if (auto rport = path_component(device, "rport-")) {
    return ShownProtocol{TransportProtocol::fibre_channel, "sysfs FC remote port " + *rport};
  }
  if (auto end_device = path_component(device, "end_device-")) {
    return ShownProtocol{TransportProtocol::sas, "sysfs SAS " + *end_device};
  }
  if (auto session = path_component(device, "session")) {
    return ShownProtocol{TransportProtocol::iscsi, "sysfs iSCSI " + *session};
  }
  if (has_class(device, "spi_transport"))
    return ShownProtocol{TransportProtocol::parallel_scsi, "sysfs spi_transport"};
  if (auto ata = path_component(device, "ata"))
    return ShownProtocol{TransportProtocol::ata, "sysfs libata " + *ata};
  // HBA drivers that attach no transport class: what their hardware (or hypervisor) is.
  static constexpr std::array<std::pair<std::string_view, TransportProtocol>, 8> kDrivers{{
      {"virtio_scsi", TransportProtocol::virtual_interface},
      {"vmw_pvscsi", TransportProtocol::virtual_interface},
      {"hv_storvsc", TransportProtocol::virtual_interface},
      {"xen-scsifront", TransportProtocol::virtual_interface},
      {"megaraid_sas",
       TransportProtocol::sas},  // MegaRAID SAS RAID controllers: logical drives, no sas_transport
      {"usb-storage", TransportProtocol::usb},
      {"uas", TransportProtocol::usb},
      {"ahci", TransportProtocol::ata},
  }};
  for (const auto& [driver, protocol] : kDrivers) {
    if (driver == device.host_driver) return ShownProtocol{protocol, "host driver " + device.host_driver};
  }
  return std::nullopt;
}

}  // namespace dextqual::scsi
