#include "macos/replayed_commands.h"

#include <fstream>
#include <sstream>

namespace dextqual::macos {

std::string recorded(const std::string& relative) {
  std::ifstream in(std::string(DEXTQUAL_MACOS_FIXTURES) + "/" + relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ReplayedCommands& ReplayedCommands::on(const std::string& command_line, RecordedOutput output) {
  outputs_[command_line] = {std::move(output)};
  return *this;
}

ReplayedCommands& ReplayedCommands::then(const std::string& command_line, RecordedOutput output) {
  outputs_[command_line].push_back(std::move(output));
  return *this;
}

platform::CommandRunner ReplayedCommands::runner() {
  return [this](const platform::CommandLine& command) -> Result<platform::CommandOutput> {
    const std::string line = platform::describe(command);
    asked_.push_back(line);
    const auto it = outputs_.find(line);
    if (it == outputs_.end() || it->second.empty()) {
      return fail(line, "no recorded output for this command line (replay)");
    }
    std::size_t& call = calls_[line];
    const RecordedOutput& output = it->second[std::min(call, it->second.size() - 1)];
    ++call;
    platform::CommandOutput replayed;
    replayed.exit_code = output.exit_code;
    if (!output.stdout_file.empty()) replayed.out = recorded(output.stdout_file);
    if (!output.stderr_file.empty()) replayed.err = recorded(output.stderr_file);
    return replayed;
  };
}

}  // namespace dextqual::macos
