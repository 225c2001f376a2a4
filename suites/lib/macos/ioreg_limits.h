// The published transfer limits of one disk from `ioreg -a -l -t -r -c IOMedia`: each key looked up
// from the disk's IOMedia up through its ancestors, nearest first, as the block layer's
// copyProperty(key, gIOServicePlane) does (MACOS.md §2). The archive's shape is ioreg_archive.h's.
// A limit of 0, or a key no entry has, is "absent"; a size that is not a whole number of bytes is an
// error naming the key.
#pragma once

#include <string_view>

#include "core/result.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

// `bsd_name` is "disk5" (a leading "/dev/", "/dev/r" is accepted). Absent keys are std::nullopt.
[[nodiscard]] Result<PublishedLimits> limits_from_ioreg(std::string_view ioreg_output,
                                                        std::string_view bsd_name);

// What the protocol layer asked the SBC driver for: IOMaximumBlockCount{Read,Write} and
// IOMaximumByteCount{Read,Write} inside the nearest "SCSI Device Characteristics" dictionary (a
// personality's preferences, answered to kSCSIProtocolFeature_Maximum*TransferCount queries; the block
// layer never reads the nested keys, only what the SBC driver republishes at the top level). Only
// those four fields are set; an Error as for limits_from_ioreg.
[[nodiscard]] Result<PublishedLimits> requested_limits_from_ioreg(std::string_view ioreg_output,
                                                                  std::string_view bsd_name);

}  // namespace dextqual::limits
