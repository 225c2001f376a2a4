// Reads the published transfer limits of one disk from `ioreg -a -l -t -r -c IOMedia` (an XML plist),
// with pugixml. The block layer reads each key with copyProperty(key, gIOServicePlane): this entry,
// then its parents, first hit wins (MACOS.md §2), so each key is looked up from the disk's IOMedia
// node upwards. Built on every platform: recorded outputs in fixtures/macos/ioreg/ test it on Linux.
// Real outputs carry sizes as <real>, leave keys out by macOS version, and print nothing (exit 0) when
// nothing matched (MACOS.md §4, §7): all three are handled, none is a crash.
#pragma once

#include <string_view>

#include "core/result.h"
#include "platform/limits_model.h"

namespace dextqual::limits {

// `bsd_name` is "disk5" (a leading "/dev/", "/dev/r" is accepted). Absent keys are std::nullopt.
[[nodiscard]] Result<PublishedLimits> limits_from_ioreg(std::string_view plist_xml,
                                                        std::string_view bsd_name);

}  // namespace dextqual::limits
