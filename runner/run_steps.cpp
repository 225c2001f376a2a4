#include "runner/run_steps.h"

#include <unistd.h>

#include <iostream>

#include "contract/run_contract.h"
#include "runner/baseline.h"
#include "runner/coverage_gate.h"
#include "runner/host_identity.h"
#include "runner/selftest_spec.h"
#include "runner/station_run_hooks.h"
#include "scsi/simdext_control.h"

namespace dextqual::runner {

namespace fs = std::filesystem;

int fail_with(const CommandError& error) {
  std::cerr << "dextqual: " << error.reason << "\n";
  return error.exit_code;
}

std::string attachment_prefix_of(const RunOptions& options) {
  if (!options.attachment_prefix.empty()) return options.attachment_prefix;
  return options.report_dir.ends_with('/') ? options.report_dir : options.report_dir + "/";
}

CommandResult<Prepared> prepare(const RunOptions& options, const Installation& installation,
                                LockHolder holder) {
  Prepared prepared;
  prepared.state_dir = fs::absolute(options.effective_state_dir());
  prepared.report_dir = fs::absolute(options.report_dir);
  if (!options.expectations.empty()) {
    auto loaded = Expectations::load(options.expectations);
    if (!loaded) return usage_error(loaded.error().message());
    auto profile = fault_profile_of(options, installation);
    if (!profile) return std::unexpected(profile.error());
    const std::string all = std::to_string(loaded->size()) + " entries of " + options.expectations;
    prepared.expectations = profile->empty() ? std::move(*loaded) : loaded->under_fault_profile();
    prepared.expectations_note = profile->empty() ? all
                                                  : "judged raw under fault profile " + *profile + ": " +
                                                        std::to_string(prepared.expectations.size()) +
                                                        " of " + all + " apply (under_profiles = true)";
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

CommandResult<std::string> fault_profile_of(const RunOptions& options, const Installation& installation) {
  if (!options.fault_profile.empty()) return options.fault_profile;
  const bool simulated = options.device.empty() && options.device_file.empty() && !options.no_dut;
  if (!simulated) return std::string();
  auto path = resolve_profile(options.sim_profile, installation);
  if (!path) return std::unexpected(path.error());
  auto spec = read_selftest_spec(*path);
  if (!spec) return std::unexpected(spec.error());
  // A profile without claims (clean and its large-media variants) injects nothing to be judged raw.
  return spec->is_clean() ? std::string() : spec->name;
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
  if (!prepared.dut.dut.raw_node.empty()) {
    settings.kernel_log = open_kernel_log();
    settings.kernel_names = kernel_names_of(prepared.dut.dut.raw_node);
  }
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

namespace {

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

// Every expectation entry that no longer describes the run (expectations.h) fails as a testcase of the
// pseudo-suite "dextqual", as the coverage gate's checks do.
Status check_expectations(RunSession& session, reports::ConsoleReporter& console, const RunOptions& options) {
  const auto& expectations = session.expectations();
  if (expectations.size() == 0) return {};
  const auto report = session.state().snapshot();
  std::vector<reports::TestResult> results;
  for (const auto& suite : report.suites)
    results.insert(results.end(), suite.tests.begin(), suite.tests.end());
  const ExpectationScope scope{session.state().plan(),
                               options.filter.empty() && options.suite_filters.empty() &&
                                   options.shard.empty() && options.rerun_failed.empty()};
  for (const auto& entry : expectations.stale(results, scope)) {
    const auto result = expectations.stale_result(entry);
    console.note(result.message);
    DQ_TRY(session.record(RunState::result_event(result)));
  }
  return {};
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
}  // namespace

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
    auto gated = check_expectations(session, console, options);
    if (gated) gated = apply_coverage_gate(session, console, options);
    if (!gated) {
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

}  // namespace dextqual::runner
