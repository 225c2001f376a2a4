// Linux: the /proc/<pid> files read_process_state() uses, parsed separately so that the formats are
// tested on fixed text (a live process in uninterruptible sleep needs a wedged device).
//   stat:  "1234 (comm, may hold ') ') D 1 ..." — the state letter follows the last ')'.
//   wchan: the symbol the task sleeps in; "0" (or empty) when running or hidden by kptr_restrict.
//   stack: "[<0>] submit_bio_wait+0x74/0xc0" lines, innermost first; root only (CONFIG_STACKTRACE).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "process/process_state.h"

namespace dextqual::process::linux_proc {

[[nodiscard]] char state_from_stat(std::string_view stat);
[[nodiscard]] std::string wait_channel_from_wchan(std::string_view wchan);
[[nodiscard]] std::vector<std::string> functions_from_stack(std::string_view stack);

// Reads <pid_dir>/stat, wchan and stack (pid_dir is /proc/<pid> outside tests).
[[nodiscard]] ProcessState read_pid_dir(const std::filesystem::path& pid_dir, int pid);

}  // namespace dextqual::process::linux_proc
