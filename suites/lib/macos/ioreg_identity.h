// Who a disk is, from the IORegistry (`ioreg -a -l -t -r -c IOMedia`): `diskutil info` has no serial
// and no WWN, the registry has both. The SCSI stack publishes VPD page 80h as "INQUIRY Unit Serial
// Number" and page 83h as "INQUIRY Device Identification" (an array of {"Code Set", "Identifier Type",
// "Association", "Identifier" <data>}) on the logical-unit nub (IOSCSIArchitectureModelFamily,
// SCSICmds_INQUIRY_Definitions.h); block-storage drivers publish "Device Characteristics" {"Vendor
// Name", "Product Name", "Product Revision Level", "Serial Number"}. Each is looked up from the disk's
// IOMedia upwards, nearest first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dut/dut_description.h"
#include "macos/ioreg_archive.h"

namespace dextqual::macos {

struct RegistryDisk {
  DutIdentity identity;  // serial: VPD 80h, else Device Characteristics; wwn: the NAA LU designator, hex
  std::optional<std::uint32_t> block_size;  // IOMedia "Preferred Block Size"
  std::optional<std::uint64_t> size_bytes;  // IOMedia "Size"
  bool read_only = false;                   // IOMedia "Writable" false
};

[[nodiscard]] RegistryDisk registry_disk(const RegistryPath& path_to_media);

// The NAA designator (Identifier Type 3) of the logical unit (Association 0) as lowercase hex, the
// form Linux shows in /sys/block/*/device/wwid without its "naa." prefix; empty when there is none.
[[nodiscard]] std::string naa_wwn(const nlohmann::json& device_identification);

}  // namespace dextqual::macos
