// What a child does between fork and exec that differs per platform (chosen in CMake from
// platform/<os>/). Everything here runs in the forked child of a possibly multi-threaded runner, so
// it must be async-signal-safe: no allocation, no locks.
#pragma once

#include <cstddef>

namespace dextqual::process {

// Ask the kernel to kill this process when its parent dies; 0, or -1 with errno set.
int set_parent_death_signal();

// Closes every descriptor from 3 up except the `count` ones in `keep` (any order). Boost 1.81's own
// close_all() skips the ranges between whitelisted descriptors (it compares an entry with itself),
// which let a child inherit the write end of its own stdin pipe and never see end-of-file.
void close_descriptors_except(const int* keep, std::size_t count);

}  // namespace dextqual::process
