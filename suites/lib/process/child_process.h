// The one wrapper around Boost.Process v2 (STYLE.md rule 7). Everything dextqual starts — suite
// binaries, simdext, fio, mkfs, user hooks — goes through run_child(), so that every child:
//   - runs in its own process group, and dies with the runner (Linux: parent-death signal);
//   - is bounded by a timeout: SIGTERM to the whole group, a grace period, then SIGKILL to the group;
//   - is never waited for without bound: a child that SIGKILL does not end (asleep in the kernel on a
//     wedged device) is abandoned after `abandon_after`, with what the kernel says about it, and
//     handed to the reaper (abandoned_children.h);
//   - has its stdout and stderr read asynchronously (a child blocked on a full pipe never "hangs"),
//     captured head + tail under a cap, and streamed chunk by chunk to a callback;
//   - leaves no grandchildren in its group behind once it has exited;
//   - is classified from the native wait status: v2's exit_code() cannot tell `exit 9` from SIGKILL.
#pragma once

#include <chrono>
#include <csignal>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "process/output_capture.h"
#include "process/process_state.h"

namespace dextqual::process {

enum class OutputStream { out, err };

struct ChildSpec {
  // argv[0] is the program: a path, or a name looked up in PATH.
  std::vector<std::string> argv{};
  // Added to (or overriding) the runner's own environment.
  std::map<std::string, std::string> env{};
  // Removed from the inherited environment (e.g. GTEST_* variables of an enclosing test).
  std::vector<std::string> env_unset{};
  // Working directory; the runner's own when empty.
  std::filesystem::path cwd{};
  // Written to the child's stdin, which is then closed (an empty string: EOF at once).
  std::string stdin_data{};
  // Zero: no timeout.
  std::chrono::milliseconds timeout{0};
  // Between SIGTERM and SIGKILL, when a timeout or a stop request ends the child.
  std::chrono::milliseconds grace{std::chrono::seconds(5)};
  // After SIGKILL: how long the child may take to exit before it is abandoned. A killed process
  // normally exits in milliseconds; one that does not is stuck in the kernel.
  std::chrono::milliseconds abandon_after{std::chrono::seconds(5)};
  // The signal sent after the grace period. Always SIGKILL, except in the tests of abandonment: they
  // send 0 (nothing) to stand for a child that SIGKILL cannot end, which needs a wedged device.
  int kill_signal = SIGKILL;
  // Per stream: bytes kept in the outcome (head + tail). The callback still sees everything.
  std::size_t output_cap = std::size_t{1} << 20;
  // Every chunk read from the child, in arrival order, on the caller's thread.
  std::function<void(OutputStream, std::string_view)> on_output{};
  // A stop request ends the child like a timeout does (runner got SIGTERM/SIGINT).
  std::stop_token stop{};
};

enum class OutcomeKind {
  exited,           // returned from main or called exit(): exit_code
  signaled,         // killed by a signal it did not get from us: signal
  timed_out,        // we ended it after spec.timeout; signal says which of ours ended it
  stopped,          // we ended it after a stop request; signal as for timed_out
  abandoned,        // timed out or stopped, and still there abandon_after after SIGKILL: stuck, pid
  failed_to_start,  // fork or exec failed: start_error
};

struct ChildOutcome {
  OutcomeKind kind = OutcomeKind::failed_to_start;
  int exit_code = -1;
  int signal = 0;
  bool core_dumped = false;
  std::string start_error{};
  int pid = -1;
  std::chrono::nanoseconds duration{0};
  std::chrono::milliseconds timeout{0};  // copied from the spec, for describe()
  bool needed_sigkill = false;           // timed_out/stopped: SIGTERM was not enough
  // abandoned: why we were ending it (timed_out or stopped), and what the kernel said about it then.
  OutcomeKind abandoned_after = OutcomeKind::timed_out;
  std::chrono::milliseconds abandon_after{0};
  ProcessState stuck{};
  OutputCapture out{};
  OutputCapture err{};

  [[nodiscard]] bool succeeded() const { return kind == OutcomeKind::exited && exit_code == 0; }
  // One line for a report: "exited with code 9", "killed by signal 11 (SIGSEGV, core dumped)",
  // "timed out after 30s (SIGTERM ignored, then SIGKILL)", "timed out after 30s (SIGTERM ignored,
  // then SIGKILL); pid 123 still there 5s later, abandoned: state D (uninterruptible sleep), ...".
  [[nodiscard]] std::string describe() const;
};

// Starts the child, waits for it, its timeout or the stop request, and reports what happened.
// Never throws; every failure to start is a failed_to_start outcome.
[[nodiscard]] ChildOutcome run_child(const ChildSpec& spec);

// "SIGKILL", "SIGSEGV", ... or "signal N".
[[nodiscard]] std::string signal_name(int signal);

// Shell-quoted argv, for reproducer command lines in reports and logs.
[[nodiscard]] std::string quote_command(const std::vector<std::string>& argv);

}  // namespace dextqual::process
