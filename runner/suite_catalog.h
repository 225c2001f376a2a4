// Which suite binaries this installation has. Suites are built as
// `<suites dir>/<name>/dextqual_<name>_suite`; the runner runs whichever exist, in the canonical order
// below (cheap, non-destructive areas first, so a broken DUT is reported before hot-plug cycles).
// The suites directory is baked in at build time and can be overridden (tests use fake suites).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dextqual::runner {

struct SuiteBinary {
  std::string name;  // "rawio"
  std::filesystem::path path;
};

// The names the project defines, in run order.
[[nodiscard]] const std::vector<std::string>& canonical_suite_names();

// Every `<dir>/<name>/dextqual_<name>_suite` and `<dir>/dextqual_<name>_suite` that is an executable
// file. Canonical names come first in canonical order, then any other (fake, new) suite by name.
[[nodiscard]] std::vector<SuiteBinary> discover_suites(const std::filesystem::path& suites_dir);

}  // namespace dextqual::runner
