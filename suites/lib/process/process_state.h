// What the kernel can tell about a process that would not exit, for a report: its scheduler state,
// the kernel function it sleeps in (its wait channel) and, where the platform lets us read it, its
// kernel stack. run_child() reads it when a child outlives SIGKILL (a task in uninterruptible sleep
// on a wedged device: "D, in submit_bio_wait < blkdev_issue_flush < blkdev_fsync"), so that the
// report points at the driver path that hangs. The reading is per platform (platform/<os>/).
#pragma once

#include <string>
#include <vector>

namespace dextqual::process {

struct ProcessState {
  int pid = -1;
  char state = '?';                         // the kernel's state letter: R, S, D, Z, T, ...; '?' unknown
  std::string wait_channel{};               // "submit_bio_wait"; empty when unknown
  std::vector<std::string> kernel_stack{};  // function names, innermost first; empty when unreadable
  std::string unavailable{};                // why nothing could be read, when nothing could

  // "D (uninterruptible sleep)", "Z (zombie)", ... or "unknown".
  [[nodiscard]] std::string state_name() const;
  // One line: "state D (uninterruptible sleep), wait channel submit_bio_wait, kernel stack
  // submit_bio_wait < blkdev_issue_flush < blkdev_fsync < do_fsync".
  [[nodiscard]] std::string describe() const;
};

// Reads what this platform exposes about `pid` (Linux: /proc/<pid>/stat, wchan and stack; the
// stack needs root). Never fails: what cannot be read stays unknown.
[[nodiscard]] ProcessState read_process_state(int pid);

}  // namespace dextqual::process
