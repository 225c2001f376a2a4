#include "lifecycle/lifecycle_command.h"

#include <algorithm>

#include "process/child_process.h"

namespace dextqual::platform {
namespace {

// The last few lines of a tool's complaint are what a reader needs; the rest is progress chatter.
std::string tail_lines(const std::string& text, std::size_t lines) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r')) {
    --end;
  }
  std::size_t start = end;
  std::size_t seen = 0;
  while (start > 0) {
    if (text[start - 1] == '\n' && ++seen == lines) {
      break;
    }
    --start;
  }
  return text.substr(start, end - start);
}

}  // namespace

std::string describe(const CommandLine& command) { return process::quote_command(command.argv); }

CommandRunner system_command_runner() {
  return [](const CommandLine& command) -> Result<CommandOutput> {
    process::ChildSpec spec;
    spec.argv = command.argv;
    spec.timeout = command.timeout;
    spec.grace = std::chrono::seconds(2);
    // Tools print prose for people; keep it in one language so error lines stay recognisable.
    spec.env = {{"LC_ALL", "C"}};
    const process::ChildOutcome outcome = process::run_child(spec);
    if (outcome.kind != process::OutcomeKind::exited) {
      return fail(describe(command), outcome.describe() + ": " + tail_lines(outcome.err.text(), 3));
    }
    return CommandOutput{outcome.exit_code, outcome.out.text(), outcome.err.text()};
  };
}

Result<CommandOutput> run_checked(const CommandRunner& runner, const CommandLine& command) {
  DQ_TRY_ASSIGN(CommandOutput output, runner(command));
  if (output.exit_code != 0) {
    const std::string& complaint = output.err.empty() ? output.out : output.err;
    return fail(describe(command),
                "exited with code " + std::to_string(output.exit_code) + ": " + tail_lines(complaint, 4));
  }
  return output;
}

}  // namespace dextqual::platform
