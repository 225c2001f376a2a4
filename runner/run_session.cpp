#include "runner/run_session.h"

#include <map>

#include "contract/run_contract.h"
#include "reports/html_report.h"
#include "reports/json_summary.h"
#include "reports/junit_writer.h"
#include "runner/suite_execution.h"
#include "runner/suite_launch.h"
#include "runner/test_progress.h"
#include "runner/warn_verdict.h"
#include "runner/wedged_dut.h"

namespace dextqual::runner {

Status write_reports(const std::filesystem::path& report_dir, const reports::Report& report,
                     const std::string& attachment_prefix) {
  DQ_TRY(reports::write_junit(report_dir / "junit.xml", report, {.attachment_prefix = attachment_prefix}));
  DQ_TRY(reports::write_json_summary(report_dir / "summary.json", report));
  DQ_TRY(reports::write_html(report_dir / "report.html", report));
  return {};
}

RunSession::RunSession(SessionSettings settings, JournalWriter journal, RunState state,
                       reports::ConsoleReporter& console)
    : settings_(std::move(settings)),
      journal_(std::move(journal)),
      state_(std::move(state)),
      console_(console) {}

Status RunSession::record(const nlohmann::json& event) {
  DQ_TRY(journal_.append(event));
  state_.apply(event);
  return render();
}

Status RunSession::render() const {
  return write_reports(settings_.report_dir, state_.snapshot(), settings_.attachment_prefix);
}

Result<std::string> RunSession::execute() {
  std::vector<std::string> to_run;
  for (const auto& suite : state_.plan()) {
    for (const auto& test : state_.remaining(suite.name)) to_run.push_back(suite.name + " :: " + test);
  }
  console_.plan(std::move(to_run));
  std::optional<Error> journal_error;
  bool host_going_down = false;
  for (const auto& suite : state_.plan()) {
    const auto tests = state_.remaining(suite.name);
    if (tests.empty()) continue;
    if (settings_.stop.stop_requested()) break;
    SuiteExecutionSpec spec;
    spec.suite = suite.name;
    spec.binary = suite.binary;
    spec.extra_args = settings_.dut_args;
    spec.env = settings_.env;
    spec.per_test_timeout = settings_.per_test_timeout;
    spec.work_dir = settings_.state_dir / "suites" / suite.name;
    spec.env[contract::kProgressFileEnv] = progress_file(spec.work_dir).string();
    console_.set_progress_source(
        [file = progress_file(spec.work_dir)](std::string_view, std::string_view test) {
          return progress_text(file, test);
        });
    spec.log_dir = settings_.report_dir / "logs" / suite.name;
    spec.findings_dir = settings_.state_dir / "findings" / suite.name;
    spec.log_dir_in_report = "logs/" + suite.name;
    spec.reproducer_prefix = settings_.reproducer_prefix(suite.binary);
    spec.stop = settings_.stop;
    std::set<std::string> reported;
    SuiteExecutionEvents events;
    std::map<std::string, std::vector<std::string>> kernel_events;  // by test, taken at its first report
    events.started = [&](const std::string& test) {
      if (settings_.kernel_log) (void)settings_.kernel_log->take();  // what came before is not this test's
      console_.test_started(suite.name, test);
      if (auto status = record(RunState::start_event(suite.name, test, settings_.boot_id)); !status) {
        journal_error = status.error();
      }
    };
    events.finished = [&](const reports::TestResult& result) {
      auto final_result = result;
      if (settings_.kernel_log && !kernel_events.contains(result.name)) {
        kernel_events[result.name] = dut_io_events(settings_.kernel_log->take(), settings_.kernel_names);
      }
      if (const auto found = kernel_events.find(result.name); found != kernel_events.end()) {
        add_kernel_events(
            final_result, found->second,
            settings_.kernel_names.words.empty() ? "the DUT" : settings_.kernel_names.words.front());
        apply_warnings(final_result);
      }
      settings_.expectations.apply(final_result);
      // The console hears of a test once; the journal also takes the XML's later details.
      if (reported.insert(result.name).second) console_.test_finished(final_result);
      if (auto status = record(RunState::result_event(final_result)); !status) journal_error = status.error();
    };
    events.device_present = settings_.device_present;
    events.note = [&](const std::string& line) { console_.note(line); };
    events.between_launches = [&] {
      if (!settings_.honour_reboot_request) return true;
      const RebootContext context{state_.run_id(),
                                  [this](const nlohmann::json& event) { return record(event); }};
      const auto outcome = settings_.honour_reboot_request(context);
      if (!outcome.note.empty()) console_.note(outcome.note);
      host_going_down = host_going_down || outcome.step == RebootStep::host_going_down;
      return !host_going_down;
    };
    const auto end = execute_suite(spec, tests, events);
    if (journal_error) return std::unexpected(*journal_error);
    DQ_TRY(record_command_histogram());
    if (!end.wedged.empty()) {
      console_.note("the DUT is wedged: " + end.wedged);
      DQ_TRY(record(RunState::wedged_event(end.wedged)));
      if (end.stopped) break;
      console_.note("the remaining tests are DEVICE-LOST; the stuck process is left to the reaper");
      DQ_TRY(lose_rest_to_wedged_dut(end.wedged));
      return std::string("device-lost");
    }
    if (host_going_down) return std::string("rebooting");
    if (end.device_lost) {
      console_.note("the DUT was lost in " + end.device_lost_in + "; the remaining tests are not run");
      DQ_TRY(skip_rest("not run: device lost in " + end.device_lost_in));
      return std::string("device-lost");
    }
    if (end.stopped) break;
  }
  if (settings_.stop.stop_requested()) return std::string("aborted");
  return std::string("finished");
}

Status RunSession::skip_rest(const std::string& why) {
  for (const auto& suite : state_.plan()) {
    for (const auto& test : state_.remaining(suite.name)) {
      reports::TestResult result;
      result.suite = suite.name;
      result.name = test;
      result.verdict = reports::Verdict::skipped;
      result.message = why;
      DQ_TRY(record(RunState::result_event(result)));
    }
  }
  return {};
}

Status RunSession::lose_rest_to_wedged_dut(const std::string& reason) {
  for (const auto& suite : state_.plan()) {
    for (const auto& test : state_.remaining(suite.name)) {
      DQ_TRY(record(RunState::result_event(not_run_on_wedged_dut(suite.name, test, reason))));
    }
  }
  return {};
}

Status RunSession::record_command_histogram() {
  if (!settings_.command_histogram) return {};
  const auto reply = settings_.command_histogram();
  if (!reply) return {};
  return record(RunState::commands_event(*reply));
}

Status RunSession::finish(const std::string& status) {
  DQ_TRY(record_command_histogram());
  DQ_TRY(record(RunState::end_event(status, utc_now())));
  console_.finish(state_.snapshot());
  return {};
}

}  // namespace dextqual::runner
