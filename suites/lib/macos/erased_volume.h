// Where the volume of a freshly erased disk lives. `diskutil eraseDisk JHFS+|ExFAT|… NAME GPT diskN`
// leaves the volume in a partition of diskN (after the EFI partition). `diskutil eraseDisk APFS NAME
// GPT diskN` does not: diskN gets one Apple_APFS partition (diskNs2), that partition becomes the
// physical store of a new synthesized container disk (diskM), and the volume is diskMs1 — a disk
// `diskutil list diskN` does not show at all. Works on the whole `diskutil list -plist`.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "macos/diskutil_info.h"

namespace dextqual::macos {

// The volume named `label` on `disk`: a partition of it, or a volume in the APFS container whose
// physical store is a partition of it (snapshots skipped). An Error names what the listing shows.
[[nodiscard]] Result<DiskutilVolume> volume_of_erased_disk(const std::vector<DiskutilWholeDisk>& listing,
                                                           const std::string& disk, const std::string& label);

}  // namespace dextqual::macos
