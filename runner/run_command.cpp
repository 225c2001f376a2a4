#include "runner/run_command.h"

#include <unistd.h>

#include <iostream>
#include <random>

#include "contract/run_contract.h"
#include "reports/console_reporter.h"
#include "runner/baseline.h"
#include "runner/coverage_gate.h"
#include "runner/dut_provider.h"
#include "runner/host_identity.h"
#include "runner/rerun_selection.h"
#include "runner/resume_after_reboot.h"
#include "runner/run_plan.h"
#include "runner/run_properties.h"
#include "runner/run_session.h"
#include "runner/shard.h"
#include "runner/station_options.h"
#include "runner/station_run_hooks.h"
#include "runner/suite_launch.h"
#include "runner/version.h"
#include "scsi/simdext_control.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

// How long a resume after a reboot waits for the DUT to enumerate again.
constexpr std::chrono::seconds kDutBootBudget{120};

int fail_with(const CommandError& error) {
  std::cerr << "dextqual: " << error.reason << "\n";
  return error.exit_code;
}

std::string new_run_id() {
  std::random_device random;
  char id[32];
  std::snprintf(id, sizeof id, "%08x%08x", random(), random());
  return id;
}

// The journal of an earlier run in the same state directory is kept, never overwritten.
void set_aside_old_journal(const fs::path& journal) {
  std::error_code ec;
  if (!fs::exists(journal, ec)) return;
  for (int n = 1;; ++n) {
    const auto aside = journal.parent_path() / ("journal." + std::to_string(n) + ".jsonl");
    if (!fs::exists(aside, ec)) {
      fs::rename(journal, aside, ec);
      return;
    }
  }
}

std::string attachment_prefix_of(const RunOptions& options) {
  if (!options.attachment_prefix.empty()) return options.attachment_prefix;
  return options.report_dir.ends_with('/') ? options.report_dir : options.report_dir + "/";
}

enum class HookPhase { fresh_run, resumed_run };

struct Prepared {
  ProvisionedDut dut;
  fs::path report_dir;
  fs::path state_dir;
  Expectations expectations;
};

CommandResult<Prepared> prepare(const RunOptions& options, const Installation& installation,
                                LockHolder holder) {
  Prepared prepared;
  prepared.state_dir = fs::absolute(options.effective_state_dir());
  prepared.report_dir = fs::absolute(options.report_dir);
  if (!options.expectations.empty()) {
    auto loaded = Expectations::load(options.expectations);
    if (!loaded) return usage_error(loaded.error().message());
    prepared.expectations = std::move(*loaded);
  }
  // The gate runs before anything is created: a refusal leaves no trace.
  holder.pid = static_cast<int>(::getpid());
  holder.host = host_name();
  holder.state_dir = prepared.state_dir.string();
  auto dut = provision_dut(options, installation, prepared.state_dir, holder);
  if (!dut) return std::unexpected(dut.error());
  prepared.dut = std::move(*dut);
  std::error_code ec;
  fs::create_directories(prepared.report_dir, ec);
  if (ec) return harness_error("cannot create the report directory " + prepared.report_dir.string());
  fs::create_directories(prepared.state_dir, ec);
  if (ec) return harness_error("cannot create the state directory " + prepared.state_dir.string());
  return prepared;
}

LockHolder lock_holder(const std::string& run_id, const std::string& started_at) {
  LockHolder holder;
  holder.run_id = run_id;
  holder.started_at = started_at;
  return holder;
}

reports::ConsoleTiming console_timing(const RunOptions& options) {
  reports::ConsoleTiming timing;
  timing.heartbeat = std::chrono::milliseconds(static_cast<std::int64_t>(options.heartbeat_s * 1000));
  return timing;
}

// --baseline: the ETA of a CI log is what the same tests took last time (issue 14 §4).
void use_baseline_durations(const RunOptions& options, reports::ConsoleReporter& console) {
  if (!options.baseline.empty()) console.expect_durations(baseline_durations(options.baseline));
}

void note_lock_takeover(const Prepared& prepared, reports::ConsoleReporter& console) {
  if (prepared.dut.lock && !prepared.dut.lock->takeover_note().empty()) {
    console.note(prepared.dut.lock->takeover_note());
  }
}

SessionSettings settings_for(const RunOptions& options, Prepared& prepared, const SignalStop& signals) {
  SessionSettings settings;
  settings.report_dir = prepared.report_dir;
  settings.state_dir = prepared.state_dir;
  settings.attachment_prefix = attachment_prefix_of(options);
  if (!prepared.dut.dut_json.empty()) {
    settings.dut_args = {std::string(contract::kDutArgument) + prepared.dut.dut_json.string()};
    settings.env = {{contract::kDutEnv, prepared.dut.dut_json.string()}};
  }
  settings.per_test_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout_per_test_s * 1000));
  settings.reproducer_prefix = prepared.dut.reproducer_prefix;
  settings.device_present = prepared.dut.present;
  settings.honour_reboot_request = prepared.dut.honour_reboot_request;
  for (const auto& [name, value] : prepared.dut.env) settings.env[name] = value;
  settings.expectations = std::move(prepared.expectations);
  settings.stop = signals.token();
  settings.boot_id = boot_id();
  if (prepared.dut.simdext) {
    // simdext counts what it received (dext/simdext/command_histogram.h); a real device has no such
    // counter, and a simdext that does not answer (power cut under test) leaves the last snapshot.
    settings.command_histogram = [socket = prepared.dut.simdext->dut().passthrough.endpoint] {
      auto reply = scsi::simdext_request(socket, {{"op", "histogram"}});
      return reply ? std::optional<nlohmann::json>(*reply) : std::nullopt;
    };
  }
  return settings;
}

int exit_code_for(const RunSession& session, const std::string& status) {
  if (status == "aborted" || status == "harness-error") return kHarnessError;
  return session.state().snapshot().counts().failed > 0 ? kTestFailures : kAllPassed;
}

// Executes, finishes and stops the DUT whatever happened; the exit code of the whole run.
void note_baseline(const std::string& baseline, const RunSession& session,
                   reports::ConsoleReporter& console) {
  if (baseline.empty()) return;
  const auto comparison = compare_with_baseline(baseline, session.state().snapshot());
  if (!comparison.problem.empty()) return console.note(comparison.problem);
  console.note("against the baseline: " + std::to_string(comparison.regressions.size()) + " regressions, " +
               std::to_string(comparison.fixed.size()) + " fixed");
  for (const auto& test : comparison.regressions) console.note("  regression: " + test);
  for (const auto& test : comparison.fixed) console.note("  fixed: " + test);
}

// A station hook's failure goes to the console and, as run property station.<hook>, into the reports.
Status note_hook(RunSession& session, reports::ConsoleReporter& console, const StationHookRun& hook,
                 const std::string& name) {
  if (!hook.ran || hook.failure.empty()) return {};
  console.note(hook.failure + " (" + hook.log_in_report + ")");
  return session.record(RunState::property_event("station." + name, hook.failure));
}

// The coverage gate's checks, as testcases of the pseudo-suite "dextqual" and the run property
// coverage_gate; a failed check fails the run like any failed test (exit 1).
Status apply_coverage_gate(RunSession& session, reports::ConsoleReporter& console,
                           const RunOptions& options) {
  const CoverageRequirements required{options.require, options.max_skips};
  if (required.empty()) return {};
  const auto checks = evaluate_coverage_gate(session.state().snapshot(), required);
  std::string failed;
  for (const auto& check : checks) {
    console.note(check.reason);
    DQ_TRY(session.record(RunState::result_event(gate_result(check))));
    if (!check.passed) failed += (failed.empty() ? "" : "; ") + check.reason;
  }
  return session.record(RunState::property_event(
      "coverage_gate",
      failed.empty() ? "passed (" + std::to_string(checks.size()) + " checks)" : "failed: " + failed));
}

// pre_run (fresh runs only), the tests, post_run (always, once tests may have run).
Result<std::string> execute_with_hooks(RunSession& session, Prepared& prepared,
                                       reports::ConsoleReporter& console, HookPhase phase) {
  Result<std::string> status = std::string("finished");
  const auto pre_run = phase == HookPhase::fresh_run
                           ? run_station_run_hook(prepared.dut.dut, "pre_run", prepared.report_dir)
                           : StationHookRun{};
  if (!pre_run.failure.empty()) {
    DQ_TRY(note_hook(session, console, pre_run, "pre_run"));
    DQ_TRY(session.skip_rest("not run: the station's pre_run hook failed (" + pre_run.failure + ")"));
    status = std::string("harness-error");
  } else {
    status = session.execute();
    // Stopped for a host reboot: the run has not ended, post_run comes after its last test.
    if (status && *status == "rebooting") return status;
  }
  const auto post_run = run_station_run_hook(prepared.dut.dut, "post_run", prepared.report_dir);
  DQ_TRY(note_hook(session, console, post_run, "post_run"));
  return status;
}

int execute_and_finish(RunSession& session, Prepared& prepared, reports::ConsoleReporter& console,
                       const SignalStop& signals, const RunOptions& options, HookPhase phase) {
  auto status = execute_with_hooks(session, prepared, console, phase);
  if (!status) {
    console.note("harness error: " + status.error().message());
    (void)session.finish("harness-error");
    return kHarnessError;
  }
  if (*status == "rebooting") {
    // Not over: the journal says what the run waits for, the reports show it, the boot job continues it.
    console.note("the run continues after the host reboot; `dextqual wait --state " +
                 prepared.state_dir.string() + "` waits for its end and exits with its code");
    return kRebootPending;
  }
  if (signals.signal() != 0) console.note("stopped by signal " + std::to_string(signals.signal()));
  note_baseline(options.baseline, session, console);
  if (*status == "finished") {
    if (auto gated = apply_coverage_gate(session, console, options); !gated) {
      console.note("harness error: " + gated.error().message());
      (void)session.finish("harness-error");
      return kHarnessError;
    }
  }
  // Said before the summary, so that the summary line stays the last line of the console.
  console.note("reports: " + (prepared.report_dir / "junit.xml").string() +
               ", summary.json, report.html, logs/");
  if (auto finished = session.finish(*status); !finished) {
    std::cerr << "dextqual: cannot write the reports: " << finished.error().message() << "\n";
    return kHarnessError;
  }
  if (prepared.dut.simdext) {
    if (auto stopped = prepared.dut.simdext->stop(); !stopped) {
      std::cerr << "dextqual: " << stopped.error().message() << "\n";
      return kHarnessError;
    }
  }
  return exit_code_for(session, *status);
}

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

// --rerun-failed: the earlier run's failed tests, on top of whatever else the options select.
CommandResult<RunOptions> narrowed_for_rerun(const RunOptions& options) {
  if (options.rerun_failed.empty()) return options;
  auto selection = read_rerun_selection(options.rerun_failed);
  if (!selection) return std::unexpected(selection.error());
  auto narrowed = narrowed_to(options, *selection);
  if (narrowed) narrowed->rerun_failed = fs::absolute(options.rerun_failed).string();
  return narrowed;
}

}  // namespace

int run_command(const RunOptions& given, const Installation& installation, const SignalStop& signals,
                const std::string& command_line) {
  if (auto required = parse_capabilities(given.require); !required) return fail_with(required.error());
  if (auto shard = parse_shard(given.shard); !given.shard.empty() && !shard) return fail_with(shard.error());
  auto narrowed = narrowed_for_rerun(given);
  if (!narrowed) return fail_with(narrowed.error());
  const RunOptions& options = *narrowed;
  const auto suites = discover_suites(installation.suites_dir);
  if (suites.empty()) {
    return fail_with({kHarnessError, "no suite binaries in " + installation.suites_dir.string() +
                                         " (build them, or set DEXTQUAL_SUITES_DIR)"});
  }
  // Checked before the DUT is touched: a typo in --property is a usage error, not a half-started run.
  for (const auto& assignment : options.properties) {
    if (auto parsed = parse_property_assignment(assignment); !parsed)
      return fail_with({kUsageError, parsed.error().message()});
  }
  reports::RunInfo run;
  run.id = new_run_id();
  run.started_at = utc_now();
  auto prepared = prepare(options, installation, lock_holder(run.id, run.started_at));
  if (!prepared) return fail_with(prepared.error());
  reports::ConsoleReporter console(std::cout, reports::detect_console_style(1), console_timing(options));
  note_lock_takeover(*prepared, console);
  use_baseline_durations(options, console);
  if (options.no_dut) {
    console.note("no DUT (--no-dut): only tests that need no device can run");
  } else {
    console.note(
        "DUT: " + prepared->dut.info.vendor + " " + prepared->dut.info.product + " serial " +
        prepared->dut.info.serial + " at " + prepared->dut.info.node +
        (prepared->dut.info.profile.empty() ? "" : " (simdext profile " + prepared->dut.info.profile + ")"));
  }
  std::vector<std::string> list_args;
  if (!prepared->dut.dut_json.empty()) {
    list_args.push_back(std::string(contract::kDutArgument) + prepared->dut.dut_json.string());
  }
  auto plan = make_plan(suites, options, list_args, prepared->state_dir / "listing");
  if (!plan) return fail_with(plan.error());

  const auto journal_path = prepared->state_dir / "journal.jsonl";
  set_aside_old_journal(journal_path);
  auto journal = JournalWriter::open(journal_path);
  if (!journal) return fail_with({kHarnessError, journal.error().message()});
  run.hostname = host_name();
  run.version = version_string();
  run.command_line = command_line;
  run.state_dir = prepared->state_dir.string();
  auto gathered = gather_run_properties(options.no_dut ? std::string() : prepared->dut.info.node,
                                        options.properties, process_environment());
  if (!gathered) return fail_with({kUsageError, gathered.error().message()});
  run.properties = std::move(*gathered);
  run.properties["mode"] = options.quick ? "quick" : "full";
  run.properties["filter"] = options.filter;
  if (!options.shard.empty()) run.properties["shard"] = options.shard;
  if (!options.rerun_failed.empty()) run.properties["rerun_failed"] = options.rerun_failed;
  if (!prepared->dut.info.profile.empty()) run.properties["simdext_profile"] = prepared->dut.info.profile;
  if (!options.device_file.empty()) {
    // Read (and checked) before the DUT was admitted; read again here only for its report properties.
    if (auto station = station::load_station_file(options.device_file))
      run.properties.merge(station_properties(*station));
  }

  auto settings = settings_for(options, *prepared, signals);
  RunSession session(std::move(settings), std::move(*journal), RunState{}, console);
  // Paths in the journal are absolute, so `resume` works from any directory.
  auto journaled = options;
  journaled.attachment_prefix = attachment_prefix_of(options);
  journaled.report_dir = prepared->report_dir.string();
  journaled.state_dir = prepared->state_dir.string();
  for (auto* path :
       {&journaled.expectations, &journaled.baseline, &journaled.device_file, &journaled.sim_profile}) {
    if (!path->empty() && fs::exists(*path)) *path = fs::absolute(*path).string();
  }
  if (auto s = session.record(RunState::run_event(run, prepared->dut.info, to_json(journaled), plan->suites));
      !s) {
    return fail_with({kHarnessError, s.error().message()});
  }
  for (const auto& preset : plan->preset) {
    if (auto s = session.record(RunState::result_event(preset)); !s)
      return fail_with({kHarnessError, s.error().message()});
  }
  return execute_and_finish(session, *prepared, console, signals, options, HookPhase::fresh_run);
}

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
