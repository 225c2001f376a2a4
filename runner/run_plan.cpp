#include "runner/run_plan.h"

#include <algorithm>

#include "runner/shard.h"
#include "runner/test_filter.h"
#include "runner/test_listing.h"

namespace dextqual::runner {

CommandResult<RunPlan> make_plan(const std::vector<SuiteBinary>& available, const RunOptions& options,
                                 const std::vector<std::string>& list_args,
                                 const std::filesystem::path& work_dir) {
  for (const auto& wanted : options.suites) {
    if (std::none_of(available.begin(), available.end(), [&](const auto& s) { return s.name == wanted; })) {
      std::string names;
      for (const auto& suite : available) names += " " + suite.name;
      return usage_error("no suite '" + wanted + "' (available:" + names + ")");
    }
  }
  const TestFilter filter(options.filter);
  Shard shard;
  if (!options.shard.empty()) {
    auto parsed = parse_shard(options.shard);
    if (!parsed) return std::unexpected(parsed.error());
    shard = *parsed;
  }
  RunPlan plan;
  std::size_t runnable = 0;
  std::error_code ec;
  std::filesystem::create_directories(work_dir, ec);
  for (const auto& suite : available) {
    if (!options.suites.empty() &&
        std::find(options.suites.begin(), options.suites.end(), suite.name) == options.suites.end()) {
      continue;
    }
    PlannedSuite planned{suite.name, suite.path.string(), {}};
    const auto unresolved = [&](const std::string& why) {
      planned.tests = {"[listing]"};
      reports::TestResult result;
      result.suite = suite.name;
      result.name = "[listing]";
      result.verdict = reports::Verdict::unresolved;
      result.kind = "listing";
      result.message = why;
      result.detail = why;
      plan.preset.push_back(result);
    };
    auto listed = list_tests(suite.path, list_args, work_dir);
    if (!listed) {
      unresolved("cannot list the tests of " + suite.path.string() + ": " + listed.error().message());
    } else if (listed->empty()) {
      unresolved(suite.path.string() + " lists no tests");
    } else {
      const auto own = options.suite_filters.find(suite.name);
      const TestFilter suite_filter(own == options.suite_filters.end() ? std::string_view() : own->second);
      for (const auto& test : *listed) {
        if (!filter.matches(test.name) || !suite_filter.matches(test.name)) continue;
        if (!in_shard(shard, suite.name, test.name)) continue;
        planned.tests.push_back(test.name);
        if (test.disabled) {
          reports::TestResult result;
          result.suite = suite.name;
          result.name = test.name;
          result.verdict = reports::Verdict::skipped;
          result.message = "disabled in the source (DISABLED_)";
          plan.preset.push_back(result);
        } else {
          ++runnable;
        }
      }
    }
    if (!planned.tests.empty()) plan.suites.push_back(std::move(planned));
  }
  if (runnable == 0 && (plan.preset.empty() || !options.filter.empty() || !options.suite_filters.empty())) {
    if (shard.enabled() && (plan.preset.empty() || !options.filter.empty() || !options.suite_filters.empty()))
      return usage_error("--shard " + options.shard +
                         " has no test of this plan (its fixtures all went to other shards)");
    return usage_error(options.filter.empty() ? "no tests to run"
                                              : "--filter '" + options.filter + "' matches no test");
  }
  return plan;
}

}  // namespace dextqual::runner
