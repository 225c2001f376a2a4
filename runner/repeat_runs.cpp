#include "runner/repeat_runs.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "core/atomic_file.h"
#include "reports/run_merge.h"
#include "runner/exit_status.h"
#include "runner/run_command.h"

namespace dextqual::runner {

namespace fs = std::filesystem;

RunOptions iteration_options(const RunOptions& options, int iteration) {
  RunOptions one = options;
  const std::string name = "repeat-" + std::to_string(iteration);
  one.report_dir = (fs::path(options.report_dir) / name).string();
  if (!options.state_dir.empty()) one.state_dir = (fs::path(options.state_dir) / name).string();
  // Attachments are relative to the CI checkout, as the user spelled the report directory.
  const std::string prefix =
      options.attachment_prefix.empty()
          ? (options.report_dir.ends_with('/') ? options.report_dir : options.report_dir + "/")
          : options.attachment_prefix;
  one.attachment_prefix = prefix + name + "/";
  return one;
}

bool continue_after(const RepeatPlan& plan, const IterationOutcome& outcome, std::string& why) {
  if (outcome.exit_code == kUsageError) {
    why = "iteration " + std::to_string(outcome.iteration) + " was refused (exit 2): the next would be too";
  } else if (outcome.exit_code == kRebootPending) {
    why = "iteration " + std::to_string(outcome.iteration) +
          " continues after a host reboot (exit 4): `dextqual wait` on its state, then repeat again";
  } else if (plan.until_fail && outcome.exit_code != kAllPassed) {
    why = "--until-fail: iteration " + std::to_string(outcome.iteration) + " exited " +
          std::to_string(outcome.exit_code);
  } else if (outcome.iteration >= plan.count) {
    why = plan.until_fail ? std::to_string(plan.count) + " iterations, none failed" : "all iterations ran";
  } else {
    return true;
  }
  return false;
}

int worst_exit_code(const std::vector<IterationOutcome>& outcomes) {
  int worst = kAllPassed;
  for (const auto& outcome : outcomes) {
    if (outcome.exit_code == kRebootPending) return kRebootPending;
    worst = std::max(worst, outcome.exit_code);
  }
  return worst;
}

nlohmann::json repeat_summary(const std::vector<IterationOutcome>& outcomes,
                              const std::string& stopped_because) {
  nlohmann::json iterations = nlohmann::json::array();
  for (const auto& outcome : outcomes) {
    nlohmann::json entry = {{"iteration", outcome.iteration},
                            {"exit_code", outcome.exit_code},
                            {"report_dir", outcome.report_dir.filename().string()}};
    std::ifstream in(outcome.report_dir / "summary.json");
    const auto summary = in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
    if (summary.is_object()) {
      entry["counts"] = summary.value("counts", nlohmann::json::object());
      nlohmann::json failed = nlohmann::json::array();
      for (const auto& test : summary.value("tests", nlohmann::json::array())) {
        if (test.value("failure", false))
          failed.push_back(test.value("suite", "") + " :: " + test.value("name", ""));
      }
      entry["failed"] = std::move(failed);
    }
    iterations.push_back(std::move(entry));
  }
  return {{"schema", "dextqual-repeat/1"},
          {"iterations", std::move(iterations)},
          {"exit_code", worst_exit_code(outcomes)},
          {"stopped_because", stopped_because}};
}

// One junit.xml, report.html and summary.json over every iteration that wrote reports, each run labelled
// with its iteration, so a CI job publishes the whole soak as one result.
Status write_combined_reports(const std::vector<IterationOutcome>& outcomes, const fs::path& report_dir) {
  std::vector<reports::LoadedRun> runs;
  for (const auto& outcome : outcomes) {
    auto run = reports::load_run(outcome.report_dir);
    if (!run) continue;  // a refused iteration (exit 2) wrote nothing
    run->label = "repeat " + std::to_string(outcome.iteration) + ": " + run->label;
    runs.push_back(std::move(*run));
  }
  if (runs.empty()) return {};
  return reports::write_merged_reports(runs, report_dir);
}

int repeat_runs(const RunOptions& options, const RepeatPlan& plan, const Installation& installation,
                const SignalStop& signals, const std::string& command_line) {
  std::vector<IterationOutcome> outcomes;
  std::string why;
  for (int k = 1;; ++k) {
    const auto one = iteration_options(options, k);
    std::cout << "== repeat " << k << (plan.until_fail ? " (until a failure, at most " : " of ") << plan.count
              << (plan.until_fail ? ")" : "") << ": " << one.report_dir << "\n"
              << std::flush;
    IterationOutcome outcome{k, run_command(one, installation, signals, command_line),
                             fs::absolute(one.report_dir)};
    outcomes.push_back(outcome);
    std::cout << "== repeat " << k << ": exit " << outcome.exit_code << "\n" << std::flush;
    if (signals.signal() != 0) {
      why = "stopped by signal " + std::to_string(signals.signal());
      break;
    }
    if (!continue_after(plan, outcome, why)) break;
  }
  const auto summary = repeat_summary(outcomes, why);
  const fs::path path = fs::path(options.report_dir) / "repeat-summary.json";
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (auto written = write_file_atomically(path, summary.dump(2) + "\n"); !written) {
    std::cerr << "dextqual: cannot write " << path.string() << ": " << written.error().message() << "\n";
    return kHarnessError;
  }
  if (auto combined = write_combined_reports(outcomes, options.report_dir); !combined) {
    std::cerr << "dextqual: cannot write the combined reports: " << combined.error().message() << "\n";
    return kHarnessError;
  }
  std::cout << "repeat: " << outcomes.size() << " iteration(s), " << why << "; exit "
            << worst_exit_code(outcomes) << " (" << path.string()
            << "; all iterations in junit.xml, report.html)\n";
  return worst_exit_code(outcomes);
}

}  // namespace dextqual::runner
