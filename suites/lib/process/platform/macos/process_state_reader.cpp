// macOS has no /proc, and a process's kernel stack needs `spindump`/`sample` (root, seconds of
// sampling): the runner reports the state as unknown and names the pid, which an operator can sample.
#include "process/process_state.h"

namespace dextqual::process {

ProcessState read_process_state(int pid) {
  ProcessState state;
  state.pid = pid;
  state.unavailable = "not readable on macOS; `sudo spindump " + std::to_string(pid) + "` shows its stacks";
  return state;
}

}  // namespace dextqual::process
