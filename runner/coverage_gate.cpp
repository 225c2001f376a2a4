#include "runner/coverage_gate.h"

#include <algorithm>
#include <map>

#include "contract/capabilities.h"
#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

using contract::Capability;

// What the run's tests say about one capability.
struct Tally {
  int ran_with = 0;                    // tests that ran with one of its requirements met
  int statically_planned = 0;          // tests whose names say they exist for it (Capability::filter)
  std::map<std::string, int> skipped;  // by requirement
  std::string first_reason;            // of the first such skip, for the message
  std::vector<std::string> skipped_tests;
  std::map<std::string, int> other_skips;  // skips of its statically planned tests, by first line
};

bool names_it(const Capability& capability, const reports::TestResult& test) {
  if (capability.suite.empty() && capability.filter.empty()) return false;
  if (!capability.suite.empty() && test.suite != capability.suite) return false;
  return capability.filter.empty() || TestFilter(capability.filter).matches(test.name);
}

Tally tally(const reports::Report& report, const Capability& capability) {
  Tally result;
  const std::string prefix(contract::kMetPropertyPrefix);
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (test.suite == kGateSuite) continue;
      const bool planned_for_it = names_it(capability, test);
      result.statically_planned += planned_for_it ? 1 : 0;
      if (test.verdict == reports::Verdict::skipped) {
        const auto requirement = contract::requirement_of_skip(test.message);
        if (requirement && contract::capability_of_requirement(*requirement) == &capability) {
          if (result.first_reason.empty()) result.first_reason = test.message;
          ++result.skipped[*requirement];
          result.skipped_tests.push_back(test.suite + " :: " + test.name + ": " + test.message);
        } else if (planned_for_it) {
          ++result.other_skips[requirement ? "requires " + *requirement : test.message];
        }
        continue;
      }
      // An expected failure or a warning proves nothing about the capability: it covers nothing.
      if (test.verdict == reports::Verdict::xfail || test.verdict == reports::Verdict::warn) continue;
      for (const auto& [name, value] : test.properties) {
        if (!name.starts_with(prefix) || value != contract::kMetValue) continue;
        if (contract::capability_of_requirement(std::string_view(name).substr(prefix.size())) ==
            &capability) {
          ++result.ran_with;
          break;
        }
      }
    }
  }
  return result;
}

std::string plural(int n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

GateCheck require_check(const reports::Report& report, const Capability& capability) {
  GateCheck check;
  check.name = "coverage.require " + std::string(capability.name);
  const std::string head = "coverage gate: required capability '" + std::string(capability.name) + "' ";
  const Tally t = tally(report, capability);
  int skipped = 0;
  for (const auto& [requirement, n] : t.skipped) skipped += n;
  if (skipped > 0) {
    check.reason = head + "not covered: " + plural(skipped, "test") + " skipped (" + t.first_reason + ")";
    for (const auto& line : t.skipped_tests) check.detail += line + "\n";
  } else if (t.ran_with == 0) {
    if (t.statically_planned == 0 && !(capability.suite.empty() && capability.filter.empty())) {
      check.reason = head +
                     "not covered: no test of it is in the plan (--suites, --filter or --shard left "
                     "out every one)";
    } else if (!t.other_skips.empty()) {
      check.reason = head + "not covered: its " + plural(t.statically_planned, "test") +
                     " skipped for another requirement first";
      for (const auto& [why, n] : t.other_skips) check.detail += std::to_string(n) + " x " + why + "\n";
    } else {
      check.reason = head +
                     "not covered: no test in this run exercised it (none of the planned tests "
                     "needs it, or those that do ended before reaching it)";
    }
  } else {
    check.passed = true;
    check.reason =
        head + "covered: " + plural(t.ran_with, "test") + " ran with it, none skipped for want of it";
  }
  if (check.detail.empty()) check.detail = check.reason;
  return check;
}

GateCheck max_skips_check(const reports::Report& report, int max_skips) {
  GateCheck check;
  check.name = "coverage.max-skips " + std::to_string(max_skips);
  int skipped = 0;
  std::map<std::string, int> reasons;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (test.suite == kGateSuite || test.verdict != reports::Verdict::skipped) continue;
      ++skipped;
      const auto requirement = contract::requirement_of_skip(test.message);
      ++reasons[requirement ? "requires " + *requirement : test.message];
    }
  }
  check.passed = skipped <= max_skips;
  check.reason = "coverage gate: " + plural(skipped, "test") + " skipped, " +
                 (check.passed ? "within" : "more than") + " --max-skips " + std::to_string(max_skips);
  check.detail = check.reason + "\n";
  for (const auto& [why, n] : reasons) check.detail += std::to_string(n) + " x " + why + "\n";
  return check;
}

}  // namespace

CommandResult<std::vector<std::string>> parse_capabilities(const std::vector<std::string>& names) {
  std::vector<std::string> wanted;
  for (const auto& name : names) {
    if (name.empty()) continue;
    if (contract::find_capability(name) == nullptr) {
      return usage_error("--require: no capability '" + name + "' (known: " + contract::capability_names() +
                         ")");
    }
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) wanted.push_back(name);
  }
  return wanted;
}

std::vector<GateCheck> evaluate_coverage_gate(const reports::Report& report,
                                              const CoverageRequirements& required) {
  std::vector<GateCheck> checks;
  for (const auto& name : required.capabilities) {
    if (const Capability* capability = contract::find_capability(name))
      checks.push_back(require_check(report, *capability));
  }
  if (required.max_skips >= 0) checks.push_back(max_skips_check(report, required.max_skips));
  return checks;
}

reports::TestResult gate_result(const GateCheck& check) {
  reports::TestResult result;
  result.suite = kGateSuite;
  result.name = check.name;
  result.verdict = check.passed ? reports::Verdict::pass : reports::Verdict::fail;
  result.kind = check.passed ? "" : "coverage";
  result.message = check.reason;
  result.detail = check.detail;
  return result;
}

}  // namespace dextqual::runner
