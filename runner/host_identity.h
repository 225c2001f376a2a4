// Facts about the host the journal records, so `resume` can tell "the host restarted during this
// test" (F11/F12: a reboot or a panic mid-test) from "the runner was killed". Per platform in
// platform/<os>/.
#pragma once

#include <string>

namespace dextqual::runner {

// Changes at every boot: Linux /proc/sys/kernel/random/boot_id, macOS kern.bootsessionuuid.
[[nodiscard]] std::string boot_id();
[[nodiscard]] std::string host_name();

}  // namespace dextqual::runner
