#include "port_protocol.h"

#include <array>
#include <utility>

namespace simdext {

std::optional<uint8_t> protocol_identifier_for(std::string_view physical_interconnect) {
  static constexpr std::array<std::pair<std::string_view, uint8_t>, 11> kTable{{
      {"Fibre Channel Interface", 0x0},
      {"SCSI Parallel Interface", 0x1},
      {"SCSI", 0x1},  // F7: what the DEXT published; diskutil shows it as "Protocol: SCSI"
      {"FireWire", 0x3},
      {"iSCSI", 0x5},
      {"SAS", 0x6},
      {"ATA", 0x8},
      {"SATA", 0x8},
      {"ATAPI", 0x8},
      {"USB", 0x9},
      {"PCI-Express", 0xA},
  }};
  for (const auto& [name, identifier] : kTable) {
    if (name == physical_interconnect) return identifier;
  }
  return std::nullopt;
}

}  // namespace simdext
