// A run as its journal tells it: the plan, the result of every test so far, the test that is running.
// Both a live run and `resume` build it the same way, by applying journal events in order, and the
// reports are always rendered from it (snapshot()). A planned test without a result shows as what it
// is at that moment: the running one as ERROR "incomplete" (so a SIGKILL leaves the truth behind),
// the others as not run yet.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reports/report.h"

namespace dextqual::runner {

// The journal says the host is going down for a reboot a test asked for, and no boot has resumed the
// run since (issue 10 §4): what `resume`, `wait` and the reports show.
struct RebootWait {
  std::string requested_by;
  std::string since;    // UTC
  std::string boot_id;  // of the boot that asked
};

struct PlannedSuite {
  std::string name;
  std::string binary;
  std::vector<std::string> tests;  // in run order
};

class RunState {
 public:
  void apply(const nlohmann::json& event);

  [[nodiscard]] reports::Report snapshot() const;

  [[nodiscard]] bool has_run() const { return has_run_; }
  [[nodiscard]] const nlohmann::json& options() const { return options_; }
  [[nodiscard]] const std::vector<PlannedSuite>& plan() const { return plan_; }
  [[nodiscard]] bool has_result(const std::string& suite, const std::string& test) const;
  [[nodiscard]] const std::optional<std::pair<std::string, std::string>>& running() const { return running_; }
  [[nodiscard]] const std::string& running_boot_id() const { return running_boot_id_; }
  [[nodiscard]] const std::string& status() const { return run_.status; }
  [[nodiscard]] const std::string& run_id() const { return run_.id; }
  [[nodiscard]] const reports::DutInfo& dut() const { return dut_; }
  [[nodiscard]] const std::optional<RebootWait>& waiting_for_reboot() const { return waiting_for_reboot_; }
  // The exit code of a run that has ended (status() != "running"): 3 aborted or harness error, 1 any
  // failure, else 0.
  [[nodiscard]] int exit_code() const;
  // Tests of `suite` still without a result, in plan order.
  [[nodiscard]] std::vector<std::string> remaining(const std::string& suite) const;

  // The journal events that make these facts, for the runner to append.
  [[nodiscard]] static nlohmann::json run_event(const reports::RunInfo& run, const reports::DutInfo& dut,
                                                const nlohmann::json& options,
                                                const std::vector<PlannedSuite>& plan);
  [[nodiscard]] static nlohmann::json start_event(const std::string& suite, const std::string& test,
                                                  const std::string& boot_id);
  [[nodiscard]] static nlohmann::json result_event(const reports::TestResult& result);
  [[nodiscard]] static nlohmann::json end_event(const std::string& status, const std::string& at);
  [[nodiscard]] static nlohmann::json resume_event(const std::string& at, const std::string& boot_id);
  // A run property learnt after the run began (a station hook's failure); shown in every report.
  [[nodiscard]] static nlohmann::json property_event(const std::string& name, const std::string& value);
  [[nodiscard]] static nlohmann::json reboot_event(const std::string& requested_by, const std::string& at,
                                                   const std::string& boot_id);
  [[nodiscard]] static nlohmann::json reboot_failed_event(const std::string& requested_by,
                                                          const std::string& why, const std::string& at);
  // The command histogram simdext reported (dext/simdext/command_histogram.h): a snapshot of one
  // controller life's cumulative counters. Journaled, not only rendered, because the reports are
  // re-rendered from the journal and a resumed run starts a new simdext that counts from zero: the
  // run's histogram is the sum of the latest snapshot of every life.
  [[nodiscard]] static nlohmann::json commands_event(const nlohmann::json& histogram_reply);
  // The DUT is wedged (wedged_dut.h): the run's property dut_wedged says why.
  [[nodiscard]] static nlohmann::json wedged_event(const std::string& reason);

 private:
  bool has_run_ = false;
  reports::RunInfo run_;
  reports::DutInfo dut_;
  nlohmann::json options_ = nlohmann::json::object();
  std::vector<PlannedSuite> plan_;
  std::map<std::pair<std::string, std::string>, reports::TestResult> results_;
  std::vector<std::pair<std::string, std::string>> extra_;  // results outside the plan ("[harness]")
  std::optional<std::pair<std::string, std::string>> running_;
  std::string running_boot_id_;
  std::optional<RebootWait> waiting_for_reboot_;
  std::map<std::string, std::vector<reports::CommandCount>> command_lives_;  // by simdext instance
};

}  // namespace dextqual::runner
