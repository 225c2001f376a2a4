// The runner's exit codes (issue 6) and the error that carries one. A command fails with a one-line
// reason and the code that tells CI what kind of failure it was.
#pragma once

#include <expected>
#include <string>

namespace dextqual::runner {

enum ExitCode : int {
  kAllPassed = 0,
  kTestFailures = 1,
  kUsageError = 2,     // bad options, the safety gate refused, nothing matched: nothing was written
  kHarnessError = 3,   // the harness could not do its job: simdext would not start, reports unwritable
  kRebootPending = 4,  // not over: the host is rebooting for a test and the run continues at boot; its
                       // verdict comes from `dextqual wait --state DIR`
  kStillRunning = 5,   // `dextqual wait`: the run had not finished when --timeout expired
};

struct CommandError {
  int exit_code = kHarnessError;
  std::string reason;
};

template <class T>
using CommandResult = std::expected<T, CommandError>;

[[nodiscard]] inline std::unexpected<CommandError> usage_error(std::string reason) {
  return std::unexpected(CommandError{kUsageError, std::move(reason)});
}
[[nodiscard]] inline std::unexpected<CommandError> harness_error(std::string reason) {
  return std::unexpected(CommandError{kHarnessError, std::move(reason)});
}

}  // namespace dextqual::runner
