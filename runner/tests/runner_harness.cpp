#include "runner/tests/runner_harness.h"

#include <unistd.h>

#include <fstream>

#include "reports/tests/junit_schema_check.h"

namespace dextqual::runner::testing {

std::string RunnerRun::verdict(const std::string& suite, const std::string& name) const {
  const auto it = verdicts.find(suite + " :: " + name);
  return it == verdicts.end() ? "(missing)" : it->second;
}

const nlohmann::json* RunnerRun::test(const std::string& suite, const std::string& name) const {
  if (!summary.is_object()) return nullptr;
  for (const auto& entry : summary["tests"]) {
    if (entry.value("suite", "") == suite && entry.value("name", "") == name) return &entry;
  }
  return nullptr;
}

std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("dextqual-runner-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

process::ChildSpec dextqual_spec(std::vector<std::string> args) {
  process::ChildSpec spec;
  spec.argv = {DEXTQUAL_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env["DEXTQUAL_SUITES_DIR"] = FAKE_SUITES_DIR;
  spec.env["NO_COLOR"] = "1";
  spec.env_unset = {"GTEST_OUTPUT", "XML_OUTPUT_FILE", "GTEST_FILTER"};
  spec.timeout = std::chrono::seconds(120);
  spec.output_cap = 256 * 1024;
  return spec;
}

RunnerRun read_run(process::ChildOutcome outcome, const std::filesystem::path& report_dir) {
  RunnerRun run{std::move(outcome), report_dir, nullptr, {}, {}};
  std::ifstream in(report_dir / "summary.json");
  if (in) run.summary = nlohmann::json::parse(in, nullptr, false);
  if (run.summary.is_object()) {
    for (const auto& test : run.summary["tests"]) {
      run.verdicts[test.value("suite", "") + " :: " + test.value("name", "")] = test.value("verdict", "");
    }
  }
  run.junit_problems = std::filesystem::exists(report_dir / "junit.xml")
                           ? reports::testing::junit_schema_problems((report_dir / "junit.xml").string())
                           : "no junit.xml";
  return run;
}

RunnerRun run_fake(const std::string& name, const std::string& suites, std::vector<std::string> extra) {
  const auto dir = scratch_dir(name);
  std::vector<std::string> args = {"run",  "--no-dut",     "--suites",
                                   suites, "--report-dir", (dir / "report").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return read_run(process::run_child(dextqual_spec(args)), dir / "report");
}

}  // namespace dextqual::runner::testing
