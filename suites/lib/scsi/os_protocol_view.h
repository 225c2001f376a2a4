// What the host operating system shows about the DUT's protocol (F7: the check compares the product's
// expectations with this, never with the DUT's own configuration). Linux: the SCSI transport class in
// sysfs (sysfs_transport.h); macOS: the IORegistry "Protocol Characteristics" of the disk's nearest
// ancestor (macos/protocol_characteristics.h), as diskutil shows them. The DUT's own answer (VPD 83h
// target port PROTOCOL IDENTIFIER) is read over its transport by the test, not here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "scsi/transport_protocol.h"

namespace dextqual::scsi {

struct OsProtocolView {
  std::optional<TransportProtocol> protocol;  // nullopt: the OS shows none (see `shown`)
  std::string shown;                          // what the OS shows, in its words, or why it shows nothing
  // macOS only (Linux has no such property): the Protocol Characteristics as published.
  std::optional<std::string> physical_interconnect;
  std::optional<std::string> physical_interconnect_location;
  std::optional<uint64_t> scsi_domain_identifier;
};

// `node`: the DUT's block node (/dev/sda, /dev/rdisk5) or sg node (/dev/sg0).
[[nodiscard]] OsProtocolView os_protocol_view(const std::string& node);

}  // namespace dextqual::scsi
