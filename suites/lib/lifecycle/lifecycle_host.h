// Facts about the host the lifecycle suites check or record: this boot's id (a reboot changed it), the
// process's open file descriptors and the mounts of the DUT (nothing leaked over hot-plug cycles), and
// the loop devices backed by files under a directory (simdext's attachments). Per OS in
// <os>/lifecycle_<os>_host.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace dextqual::platform {

// Linux: /proc/sys/kernel/random/boot_id; macOS: kern.bootsessionuuid. Empty when unknown.
[[nodiscard]] std::string boot_id();

// This process's open file descriptors and what each refers to ("/dev/sda", "pipe:[1234]"; "" when the
// OS does not say), without the one the listing itself uses.
[[nodiscard]] std::map<int, std::string> open_descriptors();

// Mount points whose source is `node` or one of its partitions (/dev/loop3p1, /dev/disk5s2).
[[nodiscard]] std::vector<std::string> mounts_of(const std::string& node);

// Loop devices whose backing file lies under `directory` (always empty where there are none).
[[nodiscard]] std::vector<std::string> loop_devices_backed_under(const std::string& directory);

}  // namespace dextqual::platform
