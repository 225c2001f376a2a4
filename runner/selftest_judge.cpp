#include "runner/selftest_judge.h"

#include <algorithm>
#include <map>

namespace dextqual::runner {
namespace {

std::string describe(const JudgedTest& test) {
  std::string text = test.name + " " + std::string(reports::label(test.verdict));
  if (!test.message.empty()) {
    // The short message only (the full failure text follows it after a newline).
    const std::string first_line = test.message.substr(0, test.message.find('\n'));
    text += " (\"" + first_line.substr(0, 160) + (first_line.size() > 160 ? "…" : "") + "\")";
  }
  return text;
}

std::string wanted(const TestExpectation& e) {
  std::string text = e.pattern() + " " + std::string(reports::label(e.verdict));
  if (!e.message_pattern.empty()) text += " /" + e.message_pattern + "/";
  return text;
}

// What the tests a pattern selects actually ended with, for a "not caught" note.
std::string got(const TestExpectation& e, const std::vector<JudgedTest>& results) {
  std::string text;
  int shown = 0;
  int selected = 0;
  for (const auto& test : results) {
    if (!e.selects(test.suite, test.name)) continue;
    ++selected;
    if (shown < 3) text += (shown++ == 0 ? "" : ", ") + describe(test);
  }
  if (selected > shown) text += " and " + std::to_string(selected - shown) + " more";
  return text;
}

void mismatch(reports::SelftestRow& row, const std::string& suite, const std::string& note) {
  auto& cell = row.cells[suite];
  cell.matches = false;
  cell.note += (cell.note.empty() ? "" : "\n") + note;
  row.matches = false;
}

bool any_selects(const TestExpectation& e, const std::vector<JudgedTest>& results) {
  return std::any_of(results.begin(), results.end(),
                     [&](const auto& t) { return e.selects(t.suite, t.name); });
}

}  // namespace

reports::SelftestRow judge_profile(const SelftestSpec& spec,
                                   const std::vector<TestExpectation>& allowed_skips,
                                   const std::vector<std::string>& suites,
                                   const std::vector<JudgedTest>& results) {
  reports::SelftestRow row;
  row.profile = spec.name;
  for (const auto& suite : suites) row.cells[suite];
  const auto known_suite = [&](const std::string& s) {
    return std::find(suites.begin(), suites.end(), s) != suites.end();
  };

  // Patterns first: a claim on a suite that does not exist, or one that selects nothing, proves nothing.
  const auto check_pattern = [&](const TestExpectation& e, const char* kind) {
    if (!known_suite(e.suite)) {
      mismatch(row, "[profile]", std::string(kind) + " " + e.pattern() + ": no suite '" + e.suite + "' ran");
    } else if (!any_selects(e, results)) {
      mismatch(row, e.suite, std::string(kind) + " " + e.pattern() + " selects no test");
    }
  };
  for (const auto& e : spec.claims) check_pattern(e, "claim");
  for (const auto& e : spec.collateral) check_pattern(e, "collateral");
  for (const auto& e : allowed_skips) {
    if (spec.is_clean()) check_pattern(e, "allowed skip");
  }

  std::map<const TestExpectation*, int> used;
  for (const auto& test : results) {
    auto& cell = row.cells[test.suite];
    if (test.verdict == reports::Verdict::pass) continue;
    const auto explains = [&](const std::vector<TestExpectation>& list) {
      for (const auto& e : list) {
        if (e.accepts(test.suite, test.name, test.verdict, test.message)) {
          ++used[&e];
          return true;
        }
      }
      return false;
    };
    const bool explained = explains(spec.claims) || explains(spec.collateral) || explains(allowed_skips);
    // A WARN passed every shall: like a pass it needs no claim, but a claim of WARN may name it.
    if (test.verdict == reports::Verdict::warn && !explained) continue;
    cell.failed.push_back(test.name);
    if (explained) continue;
    mismatch(
        row, test.suite,
        describe(test) + (test.verdict == reports::Verdict::skipped ? " is not an allowed skip"
                                                                    : " is neither claimed nor collateral"));
  }
  for (const auto& e : spec.claims) {
    if (used[&e] == 0 && known_suite(e.suite))
      mismatch(row, e.suite, "not caught: " + wanted(e) + "; got " + got(e, results));
  }
  for (const auto& e : spec.collateral) {
    if (used[&e] == 0 && known_suite(e.suite)) {
      mismatch(row, e.suite,
               "collateral " + wanted(e) + " no longer happens (got " + got(e, results) + "): remove it");
    }
  }
  if (spec.is_clean()) {
    for (const auto& e : allowed_skips) {
      if (used[&e] == 0 && known_suite(e.suite)) {
        mismatch(row, e.suite,
                 "allowed skip " + wanted(e) + " no longer happens on clean (got " + got(e, results) +
                     "): remove it");
      }
    }
  }
  for (auto& [suite, cell] : row.cells) {
    for (const auto& e : spec.claims) {
      if (e.suite == suite) cell.expected.push_back(e.filter);
    }
    if (!cell.matches) continue;
    if (cell.failed.empty()) {
      cell.note = "all passed";
    } else {
      cell.note = std::to_string(cell.failed.size()) + " not passing, each as declared";
    }
  }
  return row;
}

}  // namespace dextqual::runner
