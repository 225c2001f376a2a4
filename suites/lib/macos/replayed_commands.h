// A CommandRunner for tests that answers each command line with an output recorded on a real Mac
// (fixtures/macos/<tool>/...), so every adapter decision above the command-runner seam
// (lifecycle/lifecycle_command.h) runs on Linux. A command nobody recorded is an Error naming it, not
// an empty success: a test cannot pass by asking a question it has no recorded answer for.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lifecycle/lifecycle_command.h"

namespace dextqual::macos {

struct RecordedOutput {
  RecordedOutput(std::string out = {}, std::string err = {}, int code = 0)  // NOLINT: {"file"} reads best
      : stdout_file(std::move(out)), stderr_file(std::move(err)), exit_code(code) {}
  std::string stdout_file;  // relative to fixtures/macos/; empty: nothing on stdout
  std::string stderr_file;  // relative to fixtures/macos/; empty: nothing on stderr
  int exit_code = 0;
};

class ReplayedCommands {
 public:
  // `command_line` as describe() spells it: "diskutil info -plist disk2", "ioreg -a -l -t -r -c IOMedia".
  ReplayedCommands& on(const std::string& command_line, RecordedOutput output);
  // The same command answers differently on each call, in order (a disk that comes back after a while).
  ReplayedCommands& then(const std::string& command_line, RecordedOutput output);

  [[nodiscard]] platform::CommandRunner runner();
  [[nodiscard]] const std::vector<std::string>& asked() const { return asked_; }

 private:
  std::map<std::string, std::vector<RecordedOutput>> outputs_;
  std::map<std::string, std::size_t> calls_;
  std::vector<std::string> asked_;
};

// The text of a recorded output (fixtures/macos/<relative>); an empty string when the file is missing,
// which the test then fails on.
[[nodiscard]] std::string recorded(const std::string& relative);

}  // namespace dextqual::macos
