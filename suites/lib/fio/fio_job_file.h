// fio job files are templates in fixtures/fio/ with ${NAME} placeholders, filled per run. Every run
// gets a fresh randseed with randrepeat=0: fio's stamps are otherwise identical across runs, so a
// device that drops writes passes a rerun of the same job on stale data (FIO.md §1; and ≤3.34 ignores
// randseed for offsets unless randrepeat=0).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dextqual::fio {

using JobValues = std::map<std::string, std::string>;

// Replaces every ${NAME}; a placeholder without a value, or a filled file that lacks randrepeat=0 or
// a randseed=, is an Error naming it.
[[nodiscard]] Result<std::string> fill_job_template(std::string_view text, const JobValues& values);

[[nodiscard]] Result<std::string> read_job_template(const std::filesystem::path& path);

// A random seed for one run (libsodium's CSPRNG), as decimal.
[[nodiscard]] std::string fresh_randseed();

// The folder of fio job templates: fio/ in $DEXTQUAL_FIXTURES, else in this installation's fixtures
// (core/layout.h: share/dextqual installed, the source tree's fixtures/ in a build tree).
[[nodiscard]] std::filesystem::path job_template_dir();

}  // namespace dextqual::fio
