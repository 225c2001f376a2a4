// Test doubles for the runner's system seam (boot_resume.h): a SystemCommand that records each command
// line instead of running it, and a temporary $DEXTQUAL_BOOT_UNIT_DIR.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "runner/boot_resume.h"

namespace dextqual::runner {

class RecordingSystem {
 public:
  [[nodiscard]] SystemCommand command() {
    auto state = state_;
    return [state](const process::ChildSpec& spec) {
      state->lines.push_back(process::quote_command(spec.argv));
      process::ChildOutcome outcome;
      outcome.kind = process::OutcomeKind::exited;
      const auto line = state->lines.back();
      const bool failing = !state->failing.empty() && line.find(state->failing) != std::string::npos;
      outcome.exit_code = failing ? 1 : state->exit_code;
      return outcome;
    };
  }
  void fail_with(int exit_code) { state_->exit_code = exit_code; }
  // Commands whose line contains `text` exit 1.
  void fail_when(const std::string& text) { state_->failing = text; }
  [[nodiscard]] const std::vector<std::string>& lines() const { return state_->lines; }

 private:
  struct State {
    std::vector<std::string> lines;
    int exit_code = 0;
    std::string failing;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

class TemporaryUnitDir {
 public:
  TemporaryUnitDir() {
    static int count = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("dextqual-units-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
    ::setenv("DEXTQUAL_BOOT_UNIT_DIR", path_.c_str(), 1);
  }
  ~TemporaryUnitDir() {
    ::unsetenv("DEXTQUAL_BOOT_UNIT_DIR");
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TemporaryUnitDir(const TemporaryUnitDir&) = delete;
  TemporaryUnitDir& operator=(const TemporaryUnitDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace dextqual::runner
