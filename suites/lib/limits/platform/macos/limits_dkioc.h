// DKIOCGETMAX* (sys/disk.h): the limits the kernel reports to userspace for one disk node, searched
// through the parents like the block layer does; 0 means absent (MACOS.md §3). Apple only.
#pragma once

#include <string>

#include "core/result.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

[[nodiscard]] Result<PublishedLimits> limits_from_dkioc(const std::string& node);

}  // namespace dextqual::limits
