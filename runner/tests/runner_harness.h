// Test support: runs the real `dextqual` binary (through the process wrapper) against the fake suites
// and reads back what it wrote: exit status, summary.json, verdict per test, and whether junit.xml
// validates against junit-10.xsd.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "process/child_process.h"

namespace dextqual::runner::testing {

struct RunnerRun {
  process::ChildOutcome outcome;
  std::filesystem::path report_dir;
  nlohmann::json summary;                       // null when summary.json is missing
  std::map<std::string, std::string> verdicts;  // "suite :: Test.Name" -> "PASS"
  std::string junit_problems;                   // empty when junit.xml validates

  [[nodiscard]] std::string verdict(const std::string& suite, const std::string& test) const;
  [[nodiscard]] const nlohmann::json* test(const std::string& suite, const std::string& test) const;
  [[nodiscard]] std::string console() const { return outcome.out.text() + outcome.err.text(); }
};

// A fresh scratch directory for one test.
[[nodiscard]] std::filesystem::path scratch_dir(const std::string& name);

// `dextqual <args>` with the fake suites as the installation's suites.
[[nodiscard]] process::ChildSpec dextqual_spec(std::vector<std::string> args);
[[nodiscard]] RunnerRun read_run(process::ChildOutcome outcome, const std::filesystem::path& report_dir);
// run --no-dut --suites <suites> --report-dir <scratch>/report [extra]
[[nodiscard]] RunnerRun run_fake(const std::string& name, const std::string& suites,
                                 std::vector<std::string> extra = {});

}  // namespace dextqual::runner::testing
