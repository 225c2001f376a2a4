// How the lifecycle adapters run the platform's tools (sgdisk, mkfs, partx, diskutil, station hooks).
// Adapters take a CommandRunner instead of starting children themselves, for two reasons: every child
// then goes through the one Boost.Process wrapper (suites/lib/process, STYLE.md rule 7) with a timeout
// and its own process group; and the macOS diskutil adapter can be tested on Linux by a runner that
// replays outputs recorded on real Macs (fixtures/macos/diskutil/).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::platform {

struct CommandLine {
  std::vector<std::string> argv;
  std::chrono::milliseconds timeout{std::chrono::minutes(2)};
};

// What a command that ran to completion printed and returned. A non-zero exit is a value, not an
// Error: diskutil prints its error plist on stdout and exits 1, and the caller wants both.
struct CommandOutput {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs one command to completion. An Error means it did not complete: it could not start, it was
// killed by a signal, or it ran past its timeout (its process group is then killed).
using CommandRunner = std::function<Result<CommandOutput>(const CommandLine&)>;

// The real thing: every command through process::run_child().
[[nodiscard]] CommandRunner system_command_runner();

// Shell-quoted argv, for the reproducer line of every failure message.
[[nodiscard]] std::string describe(const CommandLine& command);

// Runs `command` and turns a non-zero exit into an Error carrying the command line and the last
// lines of its stderr (or stdout when stderr is empty).
[[nodiscard]] Result<CommandOutput> run_checked(const CommandRunner& runner, const CommandLine& command);

}  // namespace dextqual::platform
