#include "reports/report.h"

namespace dextqual::reports {

std::string TestResult::classname() const {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? suite : suite + "." + name.substr(0, dot);
}

std::string TestResult::case_name() const {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

Counts count(const std::vector<TestResult>& tests) {
  Counts counts;
  for (const auto& test : tests) {
    ++counts.by_verdict[test.verdict];
    if (test.verdict == Verdict::skipped) {
      ++counts.skipped;
    } else if (is_failure(test.verdict)) {
      ++counts.failed;
    } else {
      ++counts.passed;
    }
  }
  return counts;
}

Counts Report::counts() const {
  Counts total;
  for (const auto& suite : suites) {
    const auto counts = count(suite.tests);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    for (const auto& [verdict, n] : counts.by_verdict) total.by_verdict[verdict] += n;
  }
  return total;
}

}  // namespace dextqual::reports
