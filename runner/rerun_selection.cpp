#include "runner/rerun_selection.h"

#include <algorithm>
#include <fstream>

#include "reports/verdict.h"
#include "runner/coverage_gate.h"

namespace dextqual::runner {

CommandResult<RerunSelection> read_rerun_selection(const std::filesystem::path& summary) {
  std::ifstream in(summary);
  if (!in) return usage_error("--rerun-failed: cannot read " + summary.string());
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded()) return usage_error("--rerun-failed: " + summary.string() + " is not JSON");
  return rerun_selection_of(json, summary.string());
}

CommandResult<RerunSelection> rerun_selection_of(const nlohmann::json& summary, const std::string& source) {
  const auto malformed = [&](const std::string& why) {
    return usage_error("--rerun-failed: " + source + " is not a dextqual summary.json: " + why);
  };
  if (!summary.is_object() || !summary.contains("tests") || !summary.at("tests").is_array())
    return malformed("no \"tests\" array");
  RerunSelection selection;
  int gate_failures = 0;
  for (const auto& test : summary.at("tests")) {
    if (!test.is_object() || !test.contains("suite") || !test.contains("name") || !test.contains("verdict") ||
        !test.at("suite").is_string() || !test.at("name").is_string() || !test.at("verdict").is_string())
      return malformed("a test without suite, name and verdict: " + test.dump().substr(0, 200));
    const auto suite = test.at("suite").get<std::string>();
    const auto name = test.at("name").get<std::string>();
    const auto verdict = reports::verdict_from_label(test.at("verdict").get<std::string>());
    if (!verdict) return malformed("unknown verdict '" + test.at("verdict").get<std::string>() + "'");
    if (!reports::is_failure(*verdict)) continue;
    if (suite == kGateSuite) {
      ++gate_failures;
      continue;
    }
    auto& tests = selection.tests[suite];
    if (name.starts_with("[")) {
      tests.clear();  // the binary as a whole: every test of it
      tests.push_back("*");
    } else if (std::find(tests.begin(), tests.end(), "*") == tests.end()) {
      tests.push_back(name);
    }
  }
  if (selection.tests.empty()) {
    return usage_error("--rerun-failed: nothing failed in " + source +
                       (gate_failures > 0 ? " but the coverage gate (its checks are not tests to rerun)"
                                          : "; no test to rerun"));
  }
  for (auto& [suite, tests] : selection.tests) {
    if (tests == std::vector<std::string>{"*"}) tests.clear();
  }
  return selection;
}

CommandResult<RunOptions> narrowed_to(RunOptions options, const RerunSelection& selection) {
  std::vector<std::string> suites;
  for (const auto& [suite, tests] : selection.tests) {
    if (!options.suites.empty() &&
        std::find(options.suites.begin(), options.suites.end(), suite) == options.suites.end())
      continue;
    suites.push_back(suite);
    std::string filter;
    for (const auto& test : tests) filter += (filter.empty() ? "" : ":") + test;
    if (!filter.empty()) options.suite_filters[suite] = filter;
  }
  if (suites.empty()) return usage_error("--rerun-failed: none of the failed tests is in --suites");
  options.suites = std::move(suites);
  return options;
}

}  // namespace dextqual::runner
