#include "runner/run_state.h"

#include <algorithm>

#include "reports/command_histogram.h"
#include "reports/report_json.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

using nlohmann::json;

void RunState::apply(const json& event) {
  const auto type = event.value("event", "");
  if (type == "run") {
    has_run_ = true;
    run_ = reports::run_from_json(event.value("run", json::object()));
    dut_ = reports::dut_from_json(event.value("dut", json::object()));
    options_ = event.value("options", json::object());
    plan_.clear();
    for (const auto& suite : event.value("plan", json::array())) {
      plan_.push_back({suite.value("name", ""), suite.value("binary", ""),
                       suite.value("tests", std::vector<std::string>{})});
    }
  } else if (type == "start") {
    running_ = std::pair{event.value("suite", ""), event.value("test", "")};
    running_boot_id_ = event.value("boot_id", "");
  } else if (type == "result") {
    auto result = reports::test_from_json(event.value("test", json::object()));
    if (!result) return;
    const std::pair key{result->suite, result->name};
    if (running_ == key) running_.reset();
    const auto& suite =
        std::find_if(plan_.begin(), plan_.end(), [&](const auto& s) { return s.name == key.first; });
    const bool planned = suite != plan_.end() && std::find(suite->tests.begin(), suite->tests.end(),
                                                           key.second) != suite->tests.end();
    if (!planned && !results_.contains(key)) extra_.push_back(key);
    results_[key] = std::move(*result);
  } else if (type == "end") {
    run_.status = event.value("status", "finished");
    run_.finished_at = event.value("at", "");
    running_.reset();
    waiting_for_reboot_.reset();
  } else if (type == "wedged") {
    run_.properties["dut_wedged"] = event.value("reason", "");
  } else if (type == "resume") {
    run_.status = "running";
    run_.finished_at.clear();
    run_.properties["resumed_at"] = event.value("at", "");
    waiting_for_reboot_.reset();
  } else if (type == "reboot") {
    waiting_for_reboot_ =
        RebootWait{event.value("requested_by", ""), event.value("at", ""), event.value("boot_id", "")};
  } else if (type == "reboot-failed") {
    waiting_for_reboot_.reset();
  } else if (type == "commands") {
    command_lives_[event.value("instance", "")] =
        reports::commands_from_json(event.value("commands", json::array()));
  } else if (type == "property") {
    run_.properties[event.value("name", "")] = event.value("value", "");
  }
}

bool RunState::has_result(const std::string& suite, const std::string& test) const {
  return results_.contains({suite, test});
}

std::vector<std::string> RunState::remaining(const std::string& suite) const {
  std::vector<std::string> tests;
  for (const auto& planned : plan_) {
    if (planned.name != suite) continue;
    for (const auto& test : planned.tests) {
      if (!has_result(suite, test)) tests.push_back(test);
    }
  }
  return tests;
}

int RunState::exit_code() const {
  if (run_.status == "aborted" || run_.status == "harness-error") return kHarnessError;
  return snapshot().counts().failed > 0 ? kTestFailures : kAllPassed;
}

reports::Report RunState::snapshot() const {
  reports::Report report;
  report.run = run_;
  std::string waiting;
  if (waiting_for_reboot_) {
    waiting = "the host reboot requested by " + waiting_for_reboot_->requested_by + " since " +
              waiting_for_reboot_->since;
    report.run.properties["waiting_for_reboot"] = waiting;
  }
  report.dut = dut_;
  if (!command_lives_.empty()) {
    std::vector<std::vector<reports::CommandCount>> lives;
    for (const auto& [instance, commands] : command_lives_) lives.push_back(commands);
    report.commands = reports::sum_commands(lives);
  }
  const bool finished = run_.status != "running";
  for (const auto& planned : plan_) {
    reports::SuiteReport suite{planned.name, planned.binary, {}};
    for (const auto& test : planned.tests) {
      if (auto it = results_.find({planned.name, test}); it != results_.end()) {
        suite.tests.push_back(it->second);
        continue;
      }
      reports::TestResult placeholder;
      placeholder.suite = planned.name;
      placeholder.name = test;
      if (running_ == std::pair{planned.name, test}) {
        placeholder.verdict = reports::Verdict::error;
        placeholder.kind = "incomplete";
        placeholder.message =
            "this test was running when this report was written; the runner did not finish it";
      } else {
        placeholder.verdict = reports::Verdict::skipped;
        placeholder.message = finished ? "not run: the run ended before this test (" + run_.status + ")"
                              : waiting.empty()
                                  ? "not run yet: the run was in progress when this report was written"
                                  : "not run yet: waiting for " + waiting;
      }
      suite.tests.push_back(std::move(placeholder));
    }
    for (const auto& key : extra_) {
      if (key.first == planned.name) suite.tests.push_back(results_.at(key));
    }
    report.suites.push_back(std::move(suite));
  }
  // Results of suites outside the plan (the coverage gate's "dextqual" checks) follow, nothing dropped.
  for (const auto& key : extra_) {
    const bool planned =
        std::any_of(plan_.begin(), plan_.end(), [&](const auto& s) { return s.name == key.first; });
    if (planned) continue;
    auto suite = std::find_if(report.suites.begin() + static_cast<std::ptrdiff_t>(plan_.size()),
                              report.suites.end(), [&](const auto& s) { return s.name == key.first; });
    if (suite == report.suites.end())
      suite = report.suites.insert(report.suites.end(), reports::SuiteReport{key.first, "", {}});
    suite->tests.push_back(results_.at(key));
  }
  return report;
}

json RunState::run_event(const reports::RunInfo& run, const reports::DutInfo& dut, const json& options,
                         const std::vector<PlannedSuite>& plan) {
  json suites = json::array();
  for (const auto& suite : plan) {
    suites.push_back({{"name", suite.name}, {"binary", suite.binary}, {"tests", suite.tests}});
  }
  return {{"event", "run"},
          {"run", reports::to_json(run)},
          {"dut", reports::to_json(dut)},
          {"options", options},
          {"plan", suites}};
}

json RunState::start_event(const std::string& suite, const std::string& test, const std::string& boot_id) {
  return {{"event", "start"}, {"suite", suite}, {"test", test}, {"boot_id", boot_id}};
}

json RunState::result_event(const reports::TestResult& result) {
  return {{"event", "result"}, {"test", reports::to_json(result)}};
}

json RunState::end_event(const std::string& status, const std::string& at) {
  return {{"event", "end"}, {"status", status}, {"at", at}};
}

json RunState::reboot_event(const std::string& requested_by, const std::string& at,
                            const std::string& boot_id) {
  return {{"event", "reboot"}, {"requested_by", requested_by}, {"at", at}, {"boot_id", boot_id}};
}

json RunState::reboot_failed_event(const std::string& requested_by, const std::string& why,
                                   const std::string& at) {
  return {{"event", "reboot-failed"}, {"requested_by", requested_by}, {"reason", why}, {"at", at}};
}
json RunState::wedged_event(const std::string& reason) { return {{"event", "wedged"}, {"reason", reason}}; }

json RunState::resume_event(const std::string& at, const std::string& boot_id) {
  return {{"event", "resume"}, {"at", at}, {"boot_id", boot_id}};
}

json RunState::commands_event(const json& reply) {
  return {{"event", "commands"},
          {"instance", reply.value("instance", "")},
          {"commands", reply.value("commands", json::array())}};
}

json RunState::property_event(const std::string& name, const std::string& value) {
  return {{"event", "property"}, {"name", name}, {"value", value}};
}

}  // namespace dextqual::runner
