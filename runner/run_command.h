// `dextqual run` and `dextqual resume`: provision the DUT, plan (list and filter every suite binary's
// tests), journal, execute, report, and turn the results into the exit code.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "runner/installation.h"
#include "runner/resume_after_reboot.h"
#include "runner/run_options.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

[[nodiscard]] int run_command(const RunOptions& options, const Installation& installation,
                              const SignalStop& signals, const std::string& command_line);
// A run waiting for a host reboot is continued only after one (the boot id changed), or at boot by the
// job the runner armed; otherwise exit 4 with what it waits for.
[[nodiscard]] int resume_command(const std::filesystem::path& state_dir, const Installation& installation,
                                 const SignalStop& signals, ResumeMode mode);

}  // namespace dextqual::runner
