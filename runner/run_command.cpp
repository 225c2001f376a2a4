#include "runner/run_command.h"

#include <iostream>
#include <random>

#include "contract/run_contract.h"
#include "reports/console_reporter.h"
#include "runner/coverage_gate.h"
#include "runner/dext_check.h"
#include "runner/host_identity.h"
#include "runner/rerun_selection.h"
#include "runner/run_plan.h"
#include "runner/run_properties.h"
#include "runner/run_steps.h"
#include "runner/shard.h"
#include "runner/station_options.h"
#include "runner/suite_launch.h"
#include "runner/version.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

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
  // The DEXT under test before anything is written: a DEXT waiting for approval qualifies nothing (F11).
  auto dext = check_dext_under_test(options.dext_bundle_id, system_extensions_lister());
  if (!dext) return fail_with(dext.error());
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
  run.properties.merge(*dext);
  run.properties["mode"] = options.quick ? "quick" : "full";
  run.properties["conformance"] =
      options.strict ? "strict (should deviations fail)" : "shall fails, should warns";
  run.properties["filter"] = options.filter;
  if (!options.shard.empty()) run.properties["shard"] = options.shard;
  if (!options.rerun_failed.empty()) run.properties["rerun_failed"] = options.rerun_failed;
  if (!prepared->dut.info.profile.empty()) run.properties["simdext_profile"] = prepared->dut.info.profile;
  if (!options.fault_profile.empty()) run.properties["fault_profile"] = options.fault_profile;
  if (!prepared->expectations_note.empty()) {
    run.properties["expectations"] = prepared->expectations_note;
    console.note("expectations: " + prepared->expectations_note);
  }
  if (!options.device_file.empty()) {
    // Read (and checked) before the DUT was admitted; read again here only for its report properties.
    if (auto station = station::load_station_file(options.device_file))
      run.properties.merge(station_properties(*station));
  }

  auto settings = settings_for(options, *prepared, signals);
  if (settings.kernel_log) run.properties["kernel_log"] = settings.kernel_log->status();
  RunSession session(std::move(settings), std::move(*journal), RunState{}, console);
  // Paths in the journal are absolute, so `resume` works from any directory.
  auto journaled = options;
  journaled.attachment_prefix = attachment_prefix_of(options);
  journaled.report_dir = prepared->report_dir.string();
  journaled.state_dir = prepared->state_dir.string();
  for (auto* path : {&journaled.expectations, &journaled.baseline, &journaled.device_file,
                     &journaled.sim_profile, &journaled.product}) {
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

}  // namespace dextqual::runner
