#include "process/process_state.h"

#include <algorithm>

namespace dextqual::process {
namespace {

// Enough of the stack to name the path that hangs; the system-call entry frames add nothing.
constexpr std::size_t kStackFramesShown = 5;

bool is_syscall_entry(const std::string& function) {
  return function.starts_with("do_syscall") || function.starts_with("entry_SYSCALL") ||
         function.starts_with("__x64_sys_") || function.starts_with("__arm64_sys_") ||
         function.starts_with("el0_") || function.starts_with("invoke_syscall");
}

}  // namespace

std::string ProcessState::state_name() const {
  switch (state) {
    case 'R':
      return "R (running)";
    case 'S':
      return "S (sleeping)";
    case 'D':
      return "D (uninterruptible sleep)";
    case 'Z':
      return "Z (zombie)";
    case 'T':
      return "T (stopped)";
    case 't':
      return "t (tracing stop)";
    case 'X':
      return "X (dead)";
    case 'I':
      return "I (idle)";
    case '?':
      return "unknown";
    default:
      return std::string(1, state);
  }
}

std::string ProcessState::describe() const {
  if (state == '?' && wait_channel.empty() && kernel_stack.empty()) {
    return "state unknown" + (unavailable.empty() ? std::string() : " (" + unavailable + ")");
  }
  std::string text = "state " + state_name();
  if (!wait_channel.empty()) text += ", wait channel " + wait_channel;
  std::vector<std::string> frames;
  for (const auto& function : kernel_stack) {
    if (frames.size() == kStackFramesShown) break;
    if (!is_syscall_entry(function)) frames.push_back(function);
  }
  if (!frames.empty()) {
    text += ", kernel stack ";
    for (std::size_t i = 0; i < frames.size(); ++i) text += (i == 0 ? "" : " < ") + frames[i];
  }
  return text;
}

}  // namespace dextqual::process
