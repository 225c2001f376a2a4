// dextqual: the command line a CI pipeline calls (issue 6). CLI11 parses; each subcommand lives in its
// own file. Exit codes: 0 all passed, 1 test failures, 2 usage or configuration error (one-line
// reason), 3 harness error, 4 the run continues after a host reboot, 5 `wait` timed out.
#include <CLI/CLI.hpp>
#include <iostream>
#include <set>

#include "contract/capabilities.h"
#include "runner/diff_command.h"
#include "runner/exit_status.h"
#include "runner/inspect_command.h"
#include "runner/installation.h"
#include "runner/judge_command.h"
#include "runner/list_command.h"
#include "runner/merge_command.h"
#include "runner/repeat_runs.h"
#include "runner/resume_command.h"
#include "runner/run_command.h"
#include "runner/selftest_command.h"
#include "runner/signal_stop.h"
#include "runner/station_options.h"
#include "runner/version.h"
#include "runner/wait_command.h"

namespace {

using namespace dextqual::runner;

std::string joined(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::string line;
  for (const auto& arg : args) line += (line.empty() ? "" : " ") + arg;
  return line;
}

void add_run_options(CLI::App& command, RunOptions& options) {
  command.add_option("--sim", options.sim_profile,
                     "simdext fault profile (a path, or a name in the fixtures' faults/ folder)");
  command.add_option("--device", options.device,
                     "real device to qualify (a whole disk; symlinks are resolved)");
  command
      .add_option("--device-file", options.device_file,
                  "station file (default: $DEXTQUAL_STATION or /etc/dextqual/station.toml when it exists)")
      ->check(CLI::ExistingFile);
  command.add_option("--allow-data-loss", options.allow_data_loss,
                     "serial or WWN of the DUT: allows destructive tests on exactly that device");
  command.add_option("--allow-data-loss-other-lu", options.allow_data_loss_other_lus,
                     "serial or WWN of another LU of the DUT's transport the SCSI suite may write too "
                     "(the 2 TiB rule on a larger LU; repeatable; each passes the same safety gate)");
  command.add_option("--dext", options.dext_bundle_id,
                     "bundle id of the DEXT under test: the run starts only if `systemextensionsctl list` "
                     "shows it [activated enabled] (macOS; default: the station's [dext] bundle_id)");
  command.add_flag("--no-dut", options.no_dut,
                   "no device at all: only tests that need none run (harness tests)");
  command.add_option("--suites", options.suites, "suites to run (default: every suite built)")
      ->delimiter(',');
  command.add_option("--filter", options.filter, "GoogleTest-style filter, e.g. '*Inquiry*:-*Slow*'");
  auto* quick = command.add_flag("--quick", options.quick, "smaller sizes and fewer cycles, same coverage");
  static bool full = false;  // the default; the flag exists so a CI line can say so explicitly
  command.add_flag("--full", full, "full sizes (the default)")->excludes(quick);
  command.add_flag("--strict", options.strict,
                   "a deviation from a *should* of the SCSI standards fails its test (default: WARN)");
  command.add_option("--report-dir", options.report_dir, "where junit.xml, summary.json, report.html go")
      ->capture_default_str();
  command.add_option("--state", options.state_dir, "run state directory (default <report-dir>/state)");
  command
      .add_option("--timeout-per-test", options.timeout_per_test_s,
                  "seconds before a test is ended (TIMEOUT)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--heartbeat", options.heartbeat_s,
                  "seconds between 'still running' lines while a test runs, in a CI log (0: none)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_option("--baseline", options.baseline, "summary.json of an earlier run to compare with")
      ->check(CLI::ExistingFile);
  command.add_option("--expectations", options.expectations, "per-DUT expectations file (XFAIL/XPASS)")
      ->check(CLI::ExistingFile);
  command.add_option(
      "--fault-profile", options.fault_profile,
      "the DUT misbehaves by this simdext fault profile (simdext behind a real driver): judged "
      "raw, only expectations with under_profiles = true apply");
  command
      .add_option("--product", options.product,
                  "product expectations file (fixtures/products/) the Identity tests compare the DUT with; "
                  "default: the station's [product] file, or the simdext profile's [dut] product")
      ->check(CLI::ExistingFile);
  command.add_option("--property", options.properties,
                     "key=value for the reports (JUnit run.<key>, summary.json, HTML); repeatable");
  command
      .add_option(
          "--require", options.require,
          "capabilities the run must cover, else it fails (" + dextqual::contract::capability_names() + ")")
      ->delimiter(',');
  command.add_option("--max-skips", options.max_skips, "the run fails when more tests than this skipped")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--shard", options.shard,
                     "run shard i of n of the plan (i/n; whole fixtures, deterministic)");
  command.add_option("--rerun-failed", options.rerun_failed,
                     "run exactly the tests that failed in this summary.json");
}

// The long options the command line had ("--filter"), so a station's defaults fill in only the rest.
std::set<std::string> given_options(const CLI::App& command) {
  std::set<std::string> given;
  for (const CLI::Option* option : command.get_options()) {
    if (option->count() == 0) continue;
    for (const auto& name : option->get_lnames()) given.insert("--" + name);
  }
  return given;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dextqual: conformance and integrity qualification of SCSI HBA drivers"};
  app.set_version_flag("--version", "dextqual " + version_string());
  app.require_subcommand(1);

  RunOptions run_options;
  auto* run = app.add_subcommand("run", "qualify a device (default: simdext with the clean profile)");
  add_run_options(*run, run_options);
  RepeatPlan repeat_plan;
  int repeat_count = 0;
  run->add_option("--repeat", repeat_count,
                  "soak: N whole runs into <report-dir>/repeat-<k>/; exit: the worst")
      ->check(CLI::PositiveNumber);
  run->add_flag("--until-fail", repeat_plan.until_fail,
                "soak: stop after the first run that fails (at most --repeat N, else 100 runs)");

  ListOptions list_options;
  auto* list = app.add_subcommand("list", "list the suites and their tests");
  list->add_option("--suites", list_options.suites, "suites to list")->delimiter(',');
  list->add_option("--filter", list_options.filter, "GoogleTest-style filter");
  list->add_option("--shard", list_options.shard, "only what `run --shard i/n` would run");
  list->add_flag("--json", list_options.json, "the plan as JSON (schema dextqual-list/1), for CI matrices");

  DeviceRequest inspect_request;
  auto* inspect = app.add_subcommand(
      "inspect", "show a device's identity and what the safety gate decides; writes nothing");
  inspect->add_option("--device", inspect_request.device, "device path (or give --device-file)");
  inspect->add_option("--allow-data-loss", inspect_request.allow_data_loss, "serial or WWN, as for run");
  inspect->add_option("--allow-data-loss-other-lu", inspect_request.allow_data_loss_other_lus, "as for run");
  inspect->add_option("--device-file", inspect_request.device_file, "station file")->check(CLI::ExistingFile);

  std::string resume_state;
  auto* resume = app.add_subcommand("resume", "continue an interrupted run from its journal");
  resume->add_option("--state", resume_state, "the run's state directory")->required();
  bool resume_at_boot = false;
  resume->add_flag("--at-boot", resume_at_boot,
                   "run by the boot job dextqual armed before a host reboot: disarm it, then continue");

  WaitOptions wait_options;
  auto* wait = app.add_subcommand(
      "wait", "wait until the run in a state directory has ended (across host reboots); exit with its code");
  wait->add_option("--state", wait_options.state_dir, "the run's state directory")->required();
  wait->add_option("--timeout", wait_options.timeout_s, "seconds; then exit 5 saying what the run waits for")
      ->check(CLI::NonNegativeNumber);
  wait->add_option("--poll", wait_options.poll_s, "seconds between two readings of the journal")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);

  SelftestOptions selftest_options;
  auto* selftest =
      app.add_subcommand("selftest", "prove the suites catch every fault profile and pass clean");
  selftest->add_option("--report-dir", selftest_options.report_dir, "where the matrix and each run go")
      ->capture_default_str();
  selftest->add_option("--profile", selftest_options.profiles, "only these profiles")->delimiter(',');
  selftest->add_option("--suites", selftest_options.suites, "only these suites")->delimiter(',');
  selftest->add_flag("--field-report-table", selftest_options.field_report_table,
                     "print the README's field-report table from the profiles' claims");
  selftest->add_option("--timeout-per-test", selftest_options.timeout_per_test_s, "seconds")
      ->capture_default_str();

  MergeOptions merge_options;
  auto* merge =
      app.add_subcommand("merge", "many runs' summary.json into one JUnit, HTML matrix and summary");
  merge->add_option("runs", merge_options.runs, "report directories or summary.json files")->required();
  merge->add_option("--report-dir", merge_options.report_dir, "where the merged reports go")
      ->capture_default_str();

  DiffOptions diff_options;
  auto* diff =
      app.add_subcommand("diff", "what changed between two runs (verdicts, figures, identity, commands)");
  diff->add_option("a", diff_options.a, "run A: report directory or summary.json")->required();
  diff->add_option("b", diff_options.b, "run B: report directory or summary.json")->required();
  diff->add_option("--threshold", diff_options.threshold_percent, "percent a measurement must move")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  diff->add_flag("--json", diff_options.json, "JSON instead of text");

  JudgeOptions judge_options;
  auto* judge = app.add_subcommand(
      "judge", "judge one suite binary's GoogleTest XML against an expectations file (XFAIL/XPASS)");
  judge->add_option("--results", judge_options.results, "the suite's --gtest_output=xml file")->required();
  judge->add_option("--expectations", judge_options.expectations, "[[expect]] file")
      ->required()
      ->check(CLI::ExistingFile);
  judge->add_option("--suite", judge_options.suite, "the suite's short name, as `tests` patterns prefix it")
      ->capture_default_str();
  judge->add_option("--log", judge_options.log, "the suite's console output, shown when no XML came back");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help and version on stdout with exit 0; a usage error is one line and exit 2.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "dextqual: " << e.what() << " (see dextqual --help)\n";
    return kUsageError;
  }
  const auto installation = find_installation();
  SignalStop signals;
  if (*run) {
    if (auto station = apply_station(run_options, given_options(*run), default_station_file()); !station) {
      std::cerr << "dextqual: " << station.error().reason << "\n";
      return station.error().exit_code;
    }
    if (repeat_count > 0 || repeat_plan.until_fail) {
      repeat_plan.count = repeat_count > 0 ? repeat_count : kUntilFailBound;
      return repeat_runs(run_options, repeat_plan, installation, signals, joined(argc, argv));
    }
    return run_command(run_options, installation, signals, joined(argc, argv));
  }
  if (*list) return list_command(installation, list_options);
  if (*inspect) return inspect_command(inspect_request);
  if (*resume) {
    return resume_command(resume_state, installation, signals,
                          resume_at_boot ? ResumeMode::at_boot : ResumeMode::on_request);
  }
  if (*wait) return wait_command(wait_options, std::cout, std::cerr, signals.token());
  if (*selftest) return selftest_command(selftest_options, installation, signals);
  if (*merge) return merge_command(merge_options, std::cout, std::cerr);
  if (*diff) return diff_command(diff_options, std::cout, std::cerr);
  if (*judge) return judge_command(judge_options, std::cout, std::cerr);
  return kUsageError;
}
