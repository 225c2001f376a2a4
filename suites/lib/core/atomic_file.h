// Crash-safe file replacement for reports, dut.json, manifests, run keys and phase files (JUNIT.md §4): write
// a temporary file in the same directory, fsync it, rename() it over the target, fsync the directory. A
// reader, a SIGKILL or a power cut at any moment sees either the previous complete file or the new complete
// file, never half of one; a half-written JUnit file is worse than none (consumers reject the whole file).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace dextqual {

// `mode` is applied exactly (fchmod, not filtered by umask): 0600 for secrets such as a run key.
[[nodiscard]] Status write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                           mode_t mode = 0644);

}  // namespace dextqual
