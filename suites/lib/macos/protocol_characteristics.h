// The IORegistry "Protocol Characteristics" of a disk (F7 on macOS): the dictionary diskutil shows as
// "Protocol:" (Physical Interconnect), with Physical Interconnect Location and SCSI Domain Identifier
// (IOStorageProtocolCharacteristics.h). The SCSI stack publishes it on the entries above the disk's
// IOMedia (the DEXT's controller, the peripheral device nub), so it is looked up from the IOMedia
// upwards, nearest first, in `ioreg -a -l -t -r -c IOMedia` (an XML plist of each IOMedia with its
// ancestors). Pure and built on every platform: tested on Linux with recorded outputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dextqual::macos {

struct ProtocolCharacteristics {
  std::string physical_interconnect;  // "Fibre Channel Interface", "SAS", "SCSI Parallel Interface", ...
  std::optional<std::string> physical_interconnect_location;  // "Internal", "External", ...
  std::optional<std::uint64_t> scsi_domain_identifier;
  std::string published_by;  // IOObjectClass of the entry that carries the dictionary
};

// `bsd_name` is "disk5" ("/dev/disk5", "/dev/rdisk5" accepted). nullopt: the disk is there but no entry
// from it upwards publishes a Physical Interconnect. An Error when the XML cannot be read or the disk
// is not in it.
[[nodiscard]] Result<std::optional<ProtocolCharacteristics>> protocol_characteristics_from_ioreg(
    std::string_view plist_xml, std::string_view bsd_name);

}  // namespace dextqual::macos
