// The SCSI transport protocol of a DUT as one comparable value (F7), whichever channel shows it: the
// PROTOCOL IDENTIFIER of VPD 83h target port designators (SPC-4/SPC-5 7.6.1, table "PROTOCOL
// IDENTIFIER values"), the "Physical Interconnect" of macOS Protocol Characteristics
// (IOStorageProtocolCharacteristics.h), a product file's [protocol] physical_interconnect, or the
// Linux SCSI transport class (sysfs_transport.h). Each maps onto this one list so they can be compared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scsi/vpd_pages.h"

namespace dextqual::scsi {

enum class TransportProtocol {
  fibre_channel,
  parallel_scsi,
  ssa,
  ieee1394,
  rdma,
  iscsi,
  sas,
  adt,
  ata,
  usb,
  pcie,
  virtual_interface,  // a device made to look like a disk: paravirtual HBA, file, RAM
};

// "Fibre Channel", "parallel SCSI", "SAS", "iSCSI", "virtual", ...
[[nodiscard]] std::string to_string(TransportProtocol protocol);

// The PROTOCOL IDENTIFIER values 0h-Ah; Fh (no specific protocol) and the reserved Bh-Eh are nullopt.
[[nodiscard]] std::optional<TransportProtocol> from_protocol_identifier(uint8_t identifier);

// macOS "Physical Interconnect" values, plus the bare "SCSI" of F7's DEXT (diskutil "Protocol: SCSI",
// read as parallel SCSI). Apple Fabric, Secure Digital, PCI and unknown strings are nullopt.
[[nodiscard]] std::optional<TransportProtocol> from_physical_interconnect(std::string_view interconnect);

// The PROTOCOL IDENTIFIER of every designator whose PIV is 1 and ASSOCIATION is target port (01b) or
// target device (10b): only then is the field defined (SPC-4 7.8.6.1). In page order, repeats dropped.
[[nodiscard]] std::vector<uint8_t> port_protocol_identifiers(const std::vector<Designator>& designators);

}  // namespace dextqual::scsi
