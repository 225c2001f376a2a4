#include "runner/baseline.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace dextqual::runner {

std::map<std::string, double> baseline_durations(const std::filesystem::path& baseline) {
  std::map<std::string, double> seconds;
  std::ifstream in(baseline);
  const auto summary = nlohmann::json::parse(in, nullptr, false);
  if (summary.is_discarded() || !summary.contains("tests") || !summary["tests"].is_array()) return seconds;
  for (const auto& test : summary["tests"]) {
    // A test that did not run then says nothing about how long it takes.
    if (!test.is_object() || test.value("verdict", "") == "SKIPPED") continue;
    const auto taken = test.find("seconds");
    if (taken == test.end() || !taken->is_number()) continue;
    seconds[test.value("suite", "") + " :: " + test.value("name", "")] = taken->get<double>();
  }
  return seconds;
}

BaselineComparison compare_with_baseline(const std::filesystem::path& baseline, const reports::Report& now) {
  BaselineComparison comparison;
  std::ifstream in(baseline);
  const auto summary = nlohmann::json::parse(in, nullptr, false);
  if (summary.is_discarded() || !summary.contains("tests")) {
    comparison.problem = "cannot read the baseline " + baseline.string();
    return comparison;
  }
  std::map<std::string, bool> failed_before;
  for (const auto& test : summary["tests"]) {
    if (test.value("verdict", "") == "SKIPPED") continue;
    failed_before[test.value("suite", "") + " :: " + test.value("name", "")] = test.value("failure", false);
  }
  for (const auto& suite : now.suites) {
    for (const auto& test : suite.tests) {
      const auto key = test.suite + " :: " + test.name;
      const auto before = failed_before.find(key);
      if (before == failed_before.end() || test.verdict == reports::Verdict::skipped) continue;
      const bool failed_now = reports::is_failure(test.verdict);
      if (failed_now && !before->second) comparison.regressions.push_back(key);
      if (!failed_now && before->second) comparison.fixed.push_back(key);
    }
  }
  return comparison;
}

}  // namespace dextqual::runner
