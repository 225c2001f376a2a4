#include "runner/expectations.h"

#include <toml++/toml.h>
#include <algorithm>

namespace dextqual::runner {
namespace {

// A reason is quoted in a result's one-line message; a TOML multi-line string wraps at ~100 columns.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

Result<Expectations> Expectations::load(const std::filesystem::path& path) {
  Expectations expectations;
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    return fail("read expectations " + path.string(), std::string(e.description()));
  }
  for (const auto& [key, value] : table) {
    if (key.str() != "expect") {
      return fail("read expectations " + path.string(),
                  "unknown key `" + std::string(key.str()) + "`: the file holds only [[expect]] entries");
    }
  }
  const auto* entries = table["expect"].as_array();
  if (entries == nullptr) return expectations;
  for (const auto& node : *entries) {
    const auto* entry = node.as_table();
    if (entry == nullptr) return fail("read expectations " + path.string(), "[[expect]] must be a table");
    const auto tests = (*entry)["tests"].value<std::string>();
    const auto result = (*entry)["result"].value_or(std::string("fail"));
    if (!tests) return fail("read expectations " + path.string(), "an [[expect]] without `tests`");
    if (result != "fail") {
      return fail("read expectations " + path.string(), "result must be \"fail\", not \"" + result + "\"");
    }
    const auto pattern = split_suite_pattern(*tests);
    expectations.entries_.push_back({*tests, pattern.suite, TestFilter(pattern.filter),
                                     one_line((*entry)["reason"].value_or(std::string("no reason given"))),
                                     (*entry)["evidence"].value_or(std::string())});
  }
  return expectations;
}

bool Expectations::Entry::names(const reports::TestResult& result) const {
  return glob_match(suite, result.suite) && filter.matches(result.name);
}

void Expectations::apply(reports::TestResult& result) const {
  for (const auto& entry : entries_) {
    if (!entry.names(result)) continue;
    if (result.verdict == reports::Verdict::fail) {
      result.verdict = reports::Verdict::xfail;
      result.message = "expected failure (" + entry.reason + "): " + result.message;
      if (!entry.evidence.empty()) {
        result.detail = "Recorded evidence of the known failure:\n" + entry.evidence + "\n\n" + result.detail;
      }
    } else if (result.verdict == reports::Verdict::pass) {
      result.verdict = reports::Verdict::xpass;
      result.kind = "xpass";
      result.message = "passed, but the expectations file says it fails (" + entry.reason +
                       "): update the file if the fix has landed";
    }
    return;
  }
}

std::vector<std::string> Expectations::entries_matching_none(
    const std::vector<reports::TestResult>& results) const {
  std::vector<std::string> stale;
  for (const auto& entry : entries_) {
    const bool named = std::any_of(results.begin(), results.end(),
                                   [&](const reports::TestResult& result) { return entry.names(result); });
    if (!named) stale.push_back(entry.tests);
  }
  return stale;
}

}  // namespace dextqual::runner
