#include "runner/run_command.h"

#include <iostream>
#include <random>

#include "reports/console_reporter.h"
#include "runner/baseline.h"
#include "runner/dut_provider.h"
#include "runner/host_identity.h"
#include "runner/run_plan.h"
#include "runner/run_session.h"
#include "runner/suite_launch.h"
#include "runner/version.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

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

struct Prepared {
  ProvisionedDut dut;
  fs::path report_dir;
  fs::path state_dir;
  Expectations expectations;
};

CommandResult<Prepared> prepare(const RunOptions& options, const Installation& installation) {
  Prepared prepared;
  prepared.state_dir = fs::absolute(options.effective_state_dir());
  prepared.report_dir = fs::absolute(options.report_dir);
  if (!options.expectations.empty()) {
    auto loaded = Expectations::load(options.expectations);
    if (!loaded) return usage_error(loaded.error().message());
    prepared.expectations = std::move(*loaded);
  }
  // The gate runs before anything is created: a refusal leaves no trace.
  auto dut = provision_dut(options, installation, prepared.state_dir);
  if (!dut) return std::unexpected(dut.error());
  prepared.dut = std::move(*dut);
  std::error_code ec;
  fs::create_directories(prepared.report_dir, ec);
  if (ec) return harness_error("cannot create the report directory " + prepared.report_dir.string());
  fs::create_directories(prepared.state_dir, ec);
  if (ec) return harness_error("cannot create the state directory " + prepared.state_dir.string());
  return prepared;
}

SessionSettings settings_for(const RunOptions& options, Prepared& prepared, const SignalStop& signals) {
  SessionSettings settings;
  settings.report_dir = prepared.report_dir;
  settings.state_dir = prepared.state_dir;
  settings.attachment_prefix = attachment_prefix_of(options);
  if (!prepared.dut.dut_json.empty()) {
    settings.dut_args = {"--dut=" + prepared.dut.dut_json.string()};
    settings.env = {{"DEXTQUAL_DUT", prepared.dut.dut_json.string()}};
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
  return settings;
}

int exit_code_for(const RunSession& session, const std::string& status) {
  if (status == "aborted") return kHarnessError;
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

int execute_and_finish(RunSession& session, Prepared& prepared, reports::ConsoleReporter& console,
                       const SignalStop& signals, const std::string& baseline) {
  auto status = session.execute();
  if (!status) {
    console.note("harness error: " + status.error().message());
    (void)session.finish("harness-error");
    return kHarnessError;
  }
  if (signals.signal() != 0) console.note("stopped by signal " + std::to_string(signals.signal()));
  note_baseline(baseline, session, console);
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

}  // namespace

int run_command(const RunOptions& options, const Installation& installation, const SignalStop& signals,
                const std::string& command_line) {
  const auto suites = discover_suites(installation.suites_dir);
  if (suites.empty()) {
    return fail_with({kHarnessError, "no suite binaries in " + installation.suites_dir.string() +
                                         " (build them, or set DEXTQUAL_SUITES_DIR)"});
  }
  auto prepared = prepare(options, installation);
  if (!prepared) return fail_with(prepared.error());
  reports::ConsoleReporter console(std::cout, reports::detect_console_style(1));
  if (options.no_dut) {
    console.note("no DUT (--no-dut): only tests that need no device can run");
  } else {
    console.note(
        "DUT: " + prepared->dut.info.vendor + " " + prepared->dut.info.product + " serial " +
        prepared->dut.info.serial + " at " + prepared->dut.info.node +
        (prepared->dut.info.profile.empty() ? "" : " (simdext profile " + prepared->dut.info.profile + ")"));
  }
  std::vector<std::string> list_args;
  if (!prepared->dut.dut_json.empty()) list_args.push_back("--dut=" + prepared->dut.dut_json.string());
  auto plan = make_plan(suites, options, list_args, prepared->state_dir / "listing");
  if (!plan) return fail_with(plan.error());

  const auto journal_path = prepared->state_dir / "journal.jsonl";
  set_aside_old_journal(journal_path);
  auto journal = JournalWriter::open(journal_path);
  if (!journal) return fail_with({kHarnessError, journal.error().message()});
  reports::RunInfo run;
  run.id = new_run_id();
  run.started_at = utc_now();
  run.hostname = host_name();
  run.version = version_string();
  run.command_line = command_line;
  run.state_dir = prepared->state_dir.string();
  run.properties = {{"mode", options.quick ? "quick" : "full"}, {"filter", options.filter}};
  if (!prepared->dut.info.profile.empty()) run.properties["simdext_profile"] = prepared->dut.info.profile;

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
  return execute_and_finish(session, *prepared, console, signals, options.baseline);
}

int resume_command(const fs::path& state_dir, const Installation& installation, const SignalStop& signals) {
  const auto journal_path = state_dir / "journal.jsonl";
  auto events = read_journal(journal_path);
  if (!events) return fail_with({kUsageError, "nothing to resume: " + events.error().message()});
  RunState state;
  for (const auto& event : *events) state.apply(event);
  if (!state.has_run())
    return fail_with({kUsageError, "nothing to resume: " + journal_path.string() + " has no run"});
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
    return report.counts().failed > 0 ? kTestFailures : kAllPassed;
  }
  auto options = run_options_from_json(state.options());
  options.state_dir = fs::absolute(state_dir).string();
  auto prepared = prepare(options, installation);
  if (!prepared) return fail_with(prepared.error());
  reports::ConsoleReporter console(std::cout, reports::detect_console_style(1));
  auto journal = JournalWriter::open(journal_path);
  if (!journal) return fail_with({kHarnessError, journal.error().message()});
  const auto interrupted = state.running();
  const auto interrupted_boot = state.running_boot_id();
  auto settings = settings_for(options, *prepared, signals);
  const auto current_boot = settings.boot_id;
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
  return execute_and_finish(session, *prepared, console, signals, options.baseline);
}

}  // namespace dextqual::runner
