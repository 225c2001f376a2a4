// The steps `dextqual run` (run_command.cpp) and `dextqual resume` (resume_command.cpp) share: admit and
// prepare the DUT, build the session's settings, run the tests between the station's pre_run and
// post_run hooks, apply the coverage gate, write the final reports and turn them into the exit code.
// Internal to those two commands.
#pragma once

#include <filesystem>
#include <string>

#include "reports/console_reporter.h"
#include "runner/dut_lock.h"
#include "runner/dut_provider.h"
#include "runner/expectations.h"
#include "runner/installation.h"
#include "runner/run_options.h"
#include "runner/run_session.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

enum class HookPhase { fresh_run, resumed_run };

struct Prepared {
  ProvisionedDut dut;
  std::filesystem::path report_dir;
  std::filesystem::path state_dir;
  Expectations expectations;
  std::string expectations_note;  // how the expectations file applies; empty without one (run property)
};

// Prints "dextqual: <reason>" on stderr; the error's exit code.
int fail_with(const CommandError& error);

// [[ATTACHMENT|...]] prefix: the report directory as the user spelled it.
[[nodiscard]] std::string attachment_prefix_of(const RunOptions& options);

// The safety gate (through provision_dut) before anything is created, then the report and state
// directories.
[[nodiscard]] CommandResult<Prepared> prepare(const RunOptions& options, const Installation& installation,
                                              LockHolder holder);
// The fault profile the run is under, or "" for a station's device: --fault-profile, else a --sim profile
// that claims failures (not clean). Expectations then apply only where under_profiles = true.
[[nodiscard]] CommandResult<std::string> fault_profile_of(const RunOptions& options,
                                                          const Installation& installation);
[[nodiscard]] LockHolder lock_holder(const std::string& run_id, const std::string& started_at);

[[nodiscard]] reports::ConsoleTiming console_timing(const RunOptions& options);
void use_baseline_durations(const RunOptions& options, reports::ConsoleReporter& console);
void note_lock_takeover(const Prepared& prepared, reports::ConsoleReporter& console);

[[nodiscard]] SessionSettings settings_for(const RunOptions& options, Prepared& prepared,
                                           const SignalStop& signals);

// Executes, finishes and stops the DUT whatever happened; the exit code of the whole run.
[[nodiscard]] int execute_and_finish(RunSession& session, Prepared& prepared,
                                     reports::ConsoleReporter& console, const SignalStop& signals,
                                     const RunOptions& options, HookPhase phase);

}  // namespace dextqual::runner
