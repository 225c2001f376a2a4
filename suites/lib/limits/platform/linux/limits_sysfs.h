// Reads Linux block queue limits from sysfs (/sys/dev/block/MAJ:MIN[/..]/queue). The queue directory
// is a parameter so that tests run against a recorded tree in fixtures instead of the live kernel.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

// The queue directory of the whole disk behind `node` (a partition resolves to its parent disk).
[[nodiscard]] Result<std::filesystem::path> queue_dir_for_node(const std::string& node);

// Reads every limit file that exists; a missing file is an absent limit, an unreadable or
// non-numeric one is an Error naming it.
[[nodiscard]] Result<LinuxQueueLimits> read_queue_limits(const std::filesystem::path& queue_dir);

}  // namespace dextqual::limits
