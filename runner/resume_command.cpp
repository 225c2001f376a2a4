#include "runner/resume_command.h"

#include <iostream>

#include "contract/run_contract.h"
#include "reports/console_reporter.h"
#include "runner/host_identity.h"
#include "runner/run_steps.h"
#include "runner/station_run_hooks.h"
#include "runner/suite_launch.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

// How long a resume after a reboot waits for the DUT to enumerate again.
constexpr std::chrono::seconds kDutBootBudget{120};

// Ends a run whose DUT did not come back after the host reboot: the remaining tests are DEVICE-LOST with
// the reason, the reports final, the exit code 1. Nothing waits for good.
int finish_without_dut(const fs::path& journal_path, RunState& state, const std::string& why) {
  reports::ConsoleReporter console(std::cout, reports::detect_console_style(1));
  console.note(why);
  auto journal = JournalWriter::open(journal_path);
  if (!journal) return fail_with({kHarnessError, journal.error().message()});
  std::vector<nlohmann::json> events;
  for (const auto& suite : state.plan()) {
    for (const auto& test : state.remaining(suite.name)) {
      reports::TestResult result;
      result.suite = suite.name;
      result.name = test;
      result.verdict = reports::Verdict::device_lost;
      result.kind = "device-lost";
      result.message = why;
      events.push_back(RunState::result_event(result));
    }
  }
  events.push_back(RunState::end_event("device-lost", utc_now()));
  for (const auto& event : events) {
    if (auto s = journal->append(event); !s) return fail_with({kHarnessError, s.error().message()});
    state.apply(event);
  }
  const auto options = run_options_from_json(state.options());
  // The run has ended, without its DUT: the station still gets its post_run.
  if (auto dut = load_dut((journal_path.parent_path() / contract::kDutFileName).string())) {
    const auto post_run = run_station_run_hook(*dut, "post_run", fs::absolute(options.report_dir));
    if (!post_run.failure.empty()) console.note(post_run.failure + " (" + post_run.log_in_report + ")");
  }
  if (auto s =
          write_reports(fs::absolute(options.report_dir), state.snapshot(), attachment_prefix_of(options));
      !s)
    return fail_with({kHarnessError, s.error().message()});
  console.finish(state.snapshot());
  return state.exit_code();
}

// The rest of a journaled run: what `resume` does once it knows the run should go on.
int continue_run(const fs::path& state_dir, const Installation& installation, const SignalStop& signals,
                 RunState state) {
  const auto journal_path = state_dir / "journal.jsonl";
  bool anything_left = state.running().has_value();
  for (const auto& suite : state.plan())
    anything_left = anything_left || !state.remaining(suite.name).empty();
  if (!anything_left) {
    // Nothing to run: no device is touched; the verdict is what the journal says.
    reports::ConsoleReporter console(std::cout, reports::detect_console_style(1));
    console.note("nothing left to run in " + state_dir.string());
    if (state.status() == "running") {
      // Killed between its last test and its end: finish it (journal, then reports).
      const auto end = RunState::end_event("finished", utc_now());
      auto journal = JournalWriter::open(journal_path);
      if (!journal) return fail_with({kHarnessError, journal.error().message()});
      if (auto s = journal->append(end); !s) return fail_with({kHarnessError, s.error().message()});
      state.apply(end);
      const auto options = run_options_from_json(state.options());
      if (auto s = write_reports(fs::absolute(options.report_dir), state.snapshot(),
                                 attachment_prefix_of(options));
          !s) {
        return fail_with({kHarnessError, s.error().message()});
      }
    }
    const auto report = state.snapshot();
    console.finish(report);
    return state.exit_code();
  }
  auto options = run_options_from_json(state.options());
  options.state_dir = fs::absolute(state_dir).string();
  const auto waiting = state.waiting_for_reboot();
  if (waiting && state.dut().kind != "simdext" && state.dut().kind != "none") {
    // F4/F12: after the reboot the DUT may be back under another node; the journal knows its identity.
    auto node = find_dut_again(state.dut(), kDutBootBudget);
    if (!node) {
      return finish_without_dut(journal_path, state,
                                "the DUT did not come back after the host reboot requested by " +
                                    waiting->requested_by + ": " + node.error().message());
    }
    if (*node != state.dut().node)
      std::cout << "the DUT is back at " << *node << " (was " << state.dut().node << ")\n";
    options.device = *node;
  }
  // The same run takes its DUT's lock again: a run interrupted by a reboot still owns its disk.
  auto prepared = prepare(options, installation, lock_holder(state.run_id(), utc_now()));
  if (!prepared) {
    if (!waiting) return fail_with(prepared.error());
    return finish_without_dut(journal_path, state,
                              "after the host reboot requested by " + waiting->requested_by +
                                  ", the DUT was refused: " + prepared.error().reason);
  }
  reports::ConsoleReporter console(std::cout, reports::detect_console_style(1), console_timing(options));
  note_lock_takeover(*prepared, console);
  use_baseline_durations(options, console);
  const auto current_boot = boot_id();
  if (waiting) {
    if (waiting->boot_id == current_boot) {
      console.note("the boot id is unchanged since the reboot requested by " + waiting->requested_by +
                   ": the reboot hook did not restart this host");
    }
    if (auto confirmed = confirm_reboot(prepared->state_dir, *waiting, current_boot); !confirmed) {
      return fail_with({kHarnessError, confirmed.error().message()});
    }
    console.note("resuming after the host reboot requested by " + waiting->requested_by + "; DUT at " +
                 prepared->dut.info.node);
  }
  auto journal = JournalWriter::open(journal_path);
  if (!journal) return fail_with({kHarnessError, journal.error().message()});
  const auto interrupted = state.running();
  const auto interrupted_boot = state.running_boot_id();
  auto settings = settings_for(options, *prepared, signals);
  RunSession session(std::move(settings), std::move(*journal), std::move(state), console);
  if (interrupted) {
    // F11/F12: a host that went down mid-test is a result of that test, not a gap in the report.
    reports::TestResult result;
    result.suite = interrupted->first;
    result.name = interrupted->second;
    result.verdict = reports::Verdict::error;
    const bool rebooted = !interrupted_boot.empty() && interrupted_boot != current_boot;
    result.kind = rebooted ? "host-restart" : "incomplete";
    result.message = rebooted ? "host restarted during " + result.suite + " :: " + result.name
                              : "the runner stopped during " + result.suite + " :: " + result.name +
                                    " (killed or crashed); the run was resumed after it";
    result.detail = result.message;
    console.note(result.message);
    if (auto s = session.record(RunState::result_event(result)); !s)
      return fail_with({kHarnessError, s.error().message()});
  }
  if (auto s = session.record(RunState::resume_event(utc_now(), current_boot)); !s) {
    return fail_with({kHarnessError, s.error().message()});
  }
  return execute_and_finish(session, *prepared, console, signals, options, HookPhase::resumed_run);
}
}  // namespace

int resume_command(const fs::path& state_dir, const Installation& installation, const SignalStop& signals,
                   ResumeMode mode) {
  const auto journal_path = state_dir / "journal.jsonl";
  auto events = read_journal(journal_path);
  if (!events) return fail_with({kUsageError, "nothing to resume: " + events.error().message()});
  RunState state;
  for (const auto& event : *events) state.apply(event);
  if (!state.has_run())
    return fail_with({kUsageError, "nothing to resume: " + journal_path.string() + " has no run"});
  const auto system = real_system_command();
  if (mode == ResumeMode::at_boot) {
    // First of all: a one-shot job, even if this resume fails or brings the host down again.
    if (auto disarmed = disarm_boot_resume(state.run_id(), system); !disarmed) {
      std::cerr << "dextqual: " << disarmed.error().message() << "\n";
    }
  }
  const auto waiting = state.waiting_for_reboot();
  if (waiting && mode == ResumeMode::on_request) {
    if (waiting->boot_id == boot_id()) {
      return fail_with(
          {kRebootPending, "the run is waiting for the host reboot requested by " + waiting->requested_by +
                               " since " + waiting->since +
                               ", and this host has not rebooted since; reboot it (the resume at "
                               "boot is armed: " +
                               boot_unit_path(state.run_id()).string() + ")"});
    }
    std::cout << "the host rebooted for " << waiting->requested_by << " (requested " << waiting->since
              << ") but no resume at boot finished the run: resuming it now\n";
    (void)disarm_boot_resume(state.run_id(), system);
  }
  // post_run: after the last test, by execute_and_finish (or finish_without_dut), as for any run.
  return continue_run(state_dir, installation, signals, std::move(state));
}

}  // namespace dextqual::runner
