// What went wrong in a diskutil verb, from what diskutil gives: a plist error dict (`Error` = true,
// `ErrorMessage`, `ExitCode`) for -plist verbs, and an `Error: -698xx: message` line — on stderr,
// amid progress prose that may be localized — for the others (MACOS.md §4, §7). The code is the fact;
// the prose is only quoted.
#pragma once

#include <optional>
#include <string>

#include "lifecycle/lifecycle_command.h"

namespace dextqual::macos {

struct DiskutilError {
  int code = 0;         // -69825 and friends; 0 when diskutil gave no code
  std::string message;  // diskutil's own words, as printed
  int exit_code = 0;

  // "diskutil error -69825 (wiping volume data failed; see F3): Wiping volume data to ..."
  [[nodiscard]] std::string describe() const;
};

// The meaning of the codes we have seen in the field; empty for others.
[[nodiscard]] std::string diskutil_code_meaning(int code);

// nullopt when the command succeeded (exit 0 and no error line or error dict).
[[nodiscard]] std::optional<DiskutilError> diskutil_error(const platform::CommandOutput& output);

}  // namespace dextqual::macos
