// `dextqual run --repeat N` / `--until-fail` (issue 14 §3): soak runs. Each iteration is a whole run
// (its own DUT provisioning, plan, journal and reports) into `<report-dir>/repeat-<k>/` (state in
// `<state>/repeat-<k>` when --state is given); the top-level report directory gets the iterations
// merged (reports/run_merge.h: one junit.xml with a testsuite per iteration and suite, the report.html
// matrix of tests x iterations, summary.json "dextqual-merge/1") and `repeat-summary.json` (schema
// "dextqual-repeat/1": each iteration's exit code, counts and failed tests, why the series stopped). The exit
// code is the worst iteration's (the highest; 4, a reboot pending, stops the series and is returned).
// --until-fail stops after the first iteration that did not exit 0, bounded by --repeat N or, without
// it, by kUntilFailBound iterations.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/installation.h"
#include "runner/run_options.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

inline constexpr int kUntilFailBound = 100;

struct RepeatPlan {
  int count = 1;  // --repeat N; with until_fail and no N: kUntilFailBound
  bool until_fail = false;
};

struct IterationOutcome {
  int iteration = 0;
  int exit_code = 0;
  std::filesystem::path report_dir;
};

// The options of iteration k (1-based): its own report and state directories.
[[nodiscard]] RunOptions iteration_options(const RunOptions& options, int iteration);

// Whether the series goes on after `outcome`; `why` says why not.
[[nodiscard]] bool continue_after(const RepeatPlan& plan, const IterationOutcome& outcome, std::string& why);

// The combined exit code: the highest, except that a pending reboot (4) wins.
[[nodiscard]] int worst_exit_code(const std::vector<IterationOutcome>& outcomes);

// repeat-summary.json's content; each iteration's summary.json is read for its counts and failures.
[[nodiscard]] nlohmann::json repeat_summary(const std::vector<IterationOutcome>& outcomes,
                                            const std::string& stopped_because);

[[nodiscard]] int repeat_runs(const RunOptions& options, const RepeatPlan& plan,
                              const Installation& installation, const SignalStop& signals,
                              const std::string& command_line);

}  // namespace dextqual::runner
