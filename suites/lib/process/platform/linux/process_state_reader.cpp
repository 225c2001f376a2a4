// Linux: what /proc tells about a process that SIGKILL did not end (see proc_pid_files.h).
#include <fstream>
#include <sstream>

#include "process/platform/linux/proc_pid_files.h"

namespace dextqual::process {
namespace linux_proc {
namespace {

bool read_text(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  text = content.str();
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

}  // namespace

char state_from_stat(std::string_view stat) {
  const auto paren = stat.rfind(')');
  if (paren == std::string_view::npos || paren + 2 >= stat.size() || stat[paren + 1] != ' ') return '?';
  return stat[paren + 2];
}

std::string wait_channel_from_wchan(std::string_view wchan) {
  const auto symbol = trimmed(wchan);
  return symbol == "0" ? std::string() : std::string(symbol);
}

std::vector<std::string> functions_from_stack(std::string_view stack) {
  std::vector<std::string> functions;
  while (!stack.empty()) {
    const auto end = stack.find('\n');
    auto line = trimmed(stack.substr(0, end));
    stack = end == std::string_view::npos ? std::string_view() : stack.substr(end + 1);
    if (const auto address_end = line.find("] "); address_end != std::string_view::npos) {
      line.remove_prefix(address_end + 2);
    }
    line = line.substr(0, line.find_first_of("+ "));
    if (!line.empty()) functions.emplace_back(line);
  }
  return functions;
}

ProcessState read_pid_dir(const std::filesystem::path& pid_dir, int pid) {
  ProcessState state;
  state.pid = pid;
  std::string text;
  if (!read_text(pid_dir / "stat", text)) {
    state.unavailable = "no " + (pid_dir / "stat").string() + ": the process is gone";
    return state;
  }
  state.state = state_from_stat(text);
  if (read_text(pid_dir / "wchan", text)) state.wait_channel = wait_channel_from_wchan(text);
  if (read_text(pid_dir / "stack", text)) state.kernel_stack = functions_from_stack(text);
  return state;
}

}  // namespace linux_proc

ProcessState read_process_state(int pid) {
  return linux_proc::read_pid_dir(std::filesystem::path("/proc") / std::to_string(pid), pid);
}

}  // namespace dextqual::process
