// Executes a planned run (fresh or resumed) against a DUT that is ready: for each suite in plan
// order, the tests still without a result, through execute_suite(). Every fact goes to the journal
// first (durable), then into the RunState, then into freshly rendered reports (atomic), so that a
// SIGKILL at any moment leaves a valid JUnit file and a resumable journal.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/console_reporter.h"
#include "runner/expectations.h"
#include "runner/host_reboot.h"
#include "runner/journal.h"
#include "runner/kernel_log.h"
#include "runner/run_state.h"

namespace dextqual::runner {

struct SessionSettings {
  std::filesystem::path report_dir;
  std::filesystem::path state_dir;
  std::string attachment_prefix;  // report_dir as given on the command line, for [[ATTACHMENT|]]
  std::vector<std::string> dut_args;
  std::map<std::string, std::string> env;
  std::chrono::milliseconds per_test_timeout{std::chrono::minutes(10)};
  // The command that runs one suite binary against this DUT; --gtest_filter=<test> is appended.
  std::function<std::string(const std::string& binary)> reproducer_prefix;
  std::function<bool()> device_present;
  RebootHandler honour_reboot_request;
  Expectations expectations;
  std::stop_token stop;
  std::string boot_id;
  // simdext's {"op":"histogram"} reply, or nullopt where no trace exists (a real device) or simdext
  // did not answer. Journaled after each suite and at the end of the run (RunState::commands_event).
  std::function<std::optional<nlohmann::json>()> command_histogram;
  // What the kernel logs about the DUT during each test (kernel_log.h); null: not watched (no DUT).
  std::shared_ptr<KernelLog> kernel_log;
  KernelNames kernel_names;
};

class RunSession {
 public:
  RunSession(SessionSettings settings, JournalWriter journal, RunState state,
             reports::ConsoleReporter& console);

  // Journal, then state, then reports.
  [[nodiscard]] Status record(const nlohmann::json& event);
  [[nodiscard]] Status render() const;

  // Runs every remaining test; returns the final status ("finished", "aborted", "device-lost"), or
  // "rebooting" when the host is going down for a reboot a test asked for (the run is not over: it
  // continues at boot, and no end event is journaled).
  [[nodiscard]] Result<std::string> execute();

  // Journals the end of the run and renders the final reports.
  [[nodiscard]] Status finish(const std::string& status);

  [[nodiscard]] const RunState& state() const { return state_; }
  [[nodiscard]] const Expectations& expectations() const { return settings_.expectations; }

  // Records every test still without a result as not run, for `why`.
  [[nodiscard]] Status skip_rest(const std::string& why);
  [[nodiscard]] Status lose_rest_to_wedged_dut(const std::string& reason);

 private:
  // Journals the command histogram, when the DUT keeps one.
  [[nodiscard]] Status record_command_histogram();

  SessionSettings settings_;
  JournalWriter journal_;
  RunState state_;
  reports::ConsoleReporter& console_;
};

// Writes junit.xml, summary.json and report.html for `report` into `report_dir`, each atomically.
[[nodiscard]] Status write_reports(const std::filesystem::path& report_dir, const reports::Report& report,
                                   const std::string& attachment_prefix);

}  // namespace dextqual::runner
