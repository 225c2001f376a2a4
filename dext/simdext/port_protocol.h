// The SCSI transport protocol behind the controller's published "Physical Interconnect" (macOS
// IOStorageProtocolCharacteristics.h values), as the PROTOCOL IDENTIFIER that the logical unit's VPD
// 83h target port designators carry (SPC-4/SPC-5 7.6.1, table "PROTOCOL IDENTIFIER values"). This is
// how simdext makes its protocol observable to a host: a real initiator reads it over the wire, as it
// reads any disk's device identification page, instead of from simdext's configuration.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace simdext {

// "Fibre Channel Interface" 0h, "SCSI Parallel Interface" and the bare "SCSI" that F7's DEXT published
// 1h, "FireWire" 3h (SBP), "iSCSI" 5h, "SAS" 6h, "ATA"/"SATA"/"ATAPI" 8h, "USB" 9h (UAS),
// "PCI-Express" Ah (SOP). Anything else (e.g. "Virtual Interface"): nullopt, no port designator.
[[nodiscard]] std::optional<uint8_t> protocol_identifier_for(std::string_view physical_interconnect);

}  // namespace simdext
