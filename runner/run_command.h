// `dextqual run`: provision the DUT, plan (list and filter every suite binary's tests), journal,
// execute, report, and turn the results into the exit code (steps shared with resume: run_steps.h).
#pragma once

#include <filesystem>
#include <iosfwd>

#include "runner/installation.h"
#include "runner/run_options.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

[[nodiscard]] int run_command(const RunOptions& options, const Installation& installation,
                              const SignalStop& signals, const std::string& command_line);

}  // namespace dextqual::runner
