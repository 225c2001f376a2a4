#include "reports/report.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace dextqual::reports {
namespace {

constexpr std::string_view kWarning = "warning";

// The order of a warning property: "warning" first, then warning.<n> by n as a number, then any other
// warning.<suffix> (by name: the sort is stable over the map's order); nullopt for other properties.
// A suffix that is not a number still counts: a suite's warning is never dropped over its spelling.
std::optional<unsigned long> warning_rank(std::string_view name) {
  if (name == kWarning) return 0;
  if (!name.starts_with(kWarning) || name.size() < kWarning.size() + 2 || name[kWarning.size()] != '.') {
    return std::nullopt;
  }
  const auto suffix = name.substr(kWarning.size() + 1);
  unsigned long n = 0;
  const auto [end, error] = std::from_chars(suffix.data(), suffix.data() + suffix.size(), n);
  if (error != std::errc() || end != suffix.data() + suffix.size() ||
      n >= std::numeric_limits<unsigned long>::max() - 1) {
    return std::numeric_limits<unsigned long>::max();
  }
  return n + 1;
}

}  // namespace

std::string TestResult::classname() const {
  const auto dot = name.find('.');
  return dot == std::string::npos ? suite : suite + "." + name.substr(0, dot);
}

std::string TestResult::case_name() const {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

std::vector<std::string> TestResult::warnings() const {
  std::vector<std::pair<unsigned long, const std::string*>> ranked;
  for (const auto& [key, value] : properties) {
    if (const auto rank = warning_rank(key)) ranked.emplace_back(*rank, &value);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> texts;
  for (const auto& [rank, value] : ranked) texts.push_back(*value);
  if (texts.empty() && verdict == Verdict::warn && !message.empty()) texts.push_back(message);
  return texts;
}

Counts& Counts::operator+=(const Counts& other) {
  passed += other.passed;
  failed += other.failed;
  skipped += other.skipped;
  expected_failures += other.expected_failures;
  warnings += other.warnings;
  for (const auto& [verdict, n] : other.by_verdict) by_verdict[verdict] += n;
  return *this;
}

Counts count(const std::vector<TestResult>& tests) {
  Counts counts;
  for (const auto& test : tests) {
    ++counts.by_verdict[test.verdict];
    if (test.verdict == Verdict::skipped) {
      ++counts.skipped;
    } else if (test.verdict == Verdict::xfail) {
      ++counts.expected_failures;
    } else if (test.verdict == Verdict::warn) {
      ++counts.warnings;
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
  for (const auto& suite : suites) total += count(suite.tests);
  return total;
}

}  // namespace dextqual::reports
