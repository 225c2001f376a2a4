// "Nothing leaked over the cycles", for file descriptors: which descriptors a process holds after a
// run of hot-plug cycles that it did not hold before. A descriptor that is open only for a moment is
// not a leak — the suite's progress publisher (testing/progress_publisher) writes its file from its
// own thread every 2 s, and a listing taken then sees it — so a difference is looked at again for up
// to a second, and only what stays counts. Each leak is named by what it refers to.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace dextqual::lifecycle {

using OpenDescriptors = std::map<int, std::string>;  // fd -> "/dev/sda", "pipe:[1234]", ...

// "fd 7 -> /dev/sda" for each descriptor of `after` that `before` did not have (or had for something else).
[[nodiscard]] std::vector<std::string> new_descriptors(const OpenDescriptors& before,
                                                       const OpenDescriptors& after);

// new_descriptors(before, list()) once it is empty, or what it still holds after `settle`.
[[nodiscard]] std::vector<std::string> leaked_descriptors(
    const OpenDescriptors& before, const std::function<OpenDescriptors()>& list,
    std::chrono::milliseconds settle = std::chrono::seconds(1));

}  // namespace dextqual::lifecycle
