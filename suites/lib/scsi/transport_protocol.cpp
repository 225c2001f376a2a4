#include "scsi/transport_protocol.h"

#include <algorithm>
#include <array>
#include <utility>

namespace dextqual::scsi {

std::string to_string(TransportProtocol protocol) {
  switch (protocol) {
    case TransportProtocol::fibre_channel:
      return "Fibre Channel";
    case TransportProtocol::parallel_scsi:
      return "parallel SCSI";
    case TransportProtocol::ssa:
      return "SSA";
    case TransportProtocol::ieee1394:
      return "IEEE 1394 (SBP)";
    case TransportProtocol::rdma:
      return "RDMA (SRP)";
    case TransportProtocol::iscsi:
      return "iSCSI";
    case TransportProtocol::sas:
      return "SAS";
    case TransportProtocol::adt:
      return "ADT";
    case TransportProtocol::ata:
      return "ATA";
    case TransportProtocol::usb:
      return "USB (UAS)";
    case TransportProtocol::pcie:
      return "PCI Express (SOP)";
    case TransportProtocol::virtual_interface:
      return "virtual";
  }
  return "unknown";
}

std::optional<TransportProtocol> from_protocol_identifier(uint8_t identifier) {
  // SPC-4/SPC-5 7.6.1: 0h FCP, 1h SPI, 2h SSA-S3P, 3h SBP, 4h SRP, 5h iSCSI, 6h SAS SSP, 7h ADT,
  // 8h ATA (ACS), 9h UAS, Ah SOP; Bh-Eh reserved; Fh no specific protocol.
  static constexpr std::array<TransportProtocol, 11> kByIdentifier{
      TransportProtocol::fibre_channel, TransportProtocol::parallel_scsi, TransportProtocol::ssa,
      TransportProtocol::ieee1394,      TransportProtocol::rdma,          TransportProtocol::iscsi,
      TransportProtocol::sas,           TransportProtocol::adt,           TransportProtocol::ata,
      TransportProtocol::usb,           TransportProtocol::pcie};
  if (identifier < kByIdentifier.size()) return kByIdentifier[identifier];
  return std::nullopt;
}

std::optional<TransportProtocol> from_physical_interconnect(std::string_view interconnect) {
  static constexpr std::array<std::pair<std::string_view, TransportProtocol>, 12> kByName{{
      {"Fibre Channel Interface", TransportProtocol::fibre_channel},
      {"SCSI Parallel Interface", TransportProtocol::parallel_scsi},
      {"SCSI", TransportProtocol::parallel_scsi},
      {"SAS", TransportProtocol::sas},
      {"iSCSI", TransportProtocol::iscsi},
      {"FireWire", TransportProtocol::ieee1394},
      {"ATA", TransportProtocol::ata},
      {"SATA", TransportProtocol::ata},
      {"ATAPI", TransportProtocol::ata},
      {"USB", TransportProtocol::usb},
      {"PCI-Express", TransportProtocol::pcie},
      {"Virtual Interface", TransportProtocol::virtual_interface},
  }};
  for (const auto& [name, protocol] : kByName) {
    if (name == interconnect) return protocol;
  }
  return std::nullopt;
}

std::vector<uint8_t> port_protocol_identifiers(const std::vector<Designator>& designators) {
  std::vector<uint8_t> out;
  for (const Designator& d : designators) {
    if (!d.piv || (d.association != 1 && d.association != 2)) continue;
    if (std::find(out.begin(), out.end(), d.protocol_identifier) == out.end()) {
      out.push_back(d.protocol_identifier);
    }
  }
  return out;
}

}  // namespace dextqual::scsi
