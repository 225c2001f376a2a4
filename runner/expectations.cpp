#include "runner/expectations.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "runner/coverage_gate.h"

namespace dextqual::runner {
namespace {

constexpr std::array<std::pair<Blame, const char*>, 5> kBlames = {{
    {Blame::device, "device"},
    {Blame::driver, "driver"},
    {Blame::emulator, "emulator"},
    {Blame::kernel, "kernel"},
    {Blame::firmware, "firmware"},
}};

const std::set<std::string, std::less<>> kEntryKeys = {
    "tests", "failure", "blame", "reason", "evidence", "result", "under_profiles", "under_profiles_reason"};

// A reason is quoted in a result's one-line message; a TOML multi-line string wraps at ~100 columns.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string blame_names() {
  std::string names;
  for (const auto& [blame, name] : kBlames) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

// A required string of an entry; an error naming the entry when it is missing or empty.
Result<std::string> required(const toml::table& entry, const char* key, const std::string& where,
                             const std::string& what) {
  const auto value = entry[key].value<std::string>();
  if (!value || value->empty()) return fail(where, std::string("`") + key + "` is required: " + what);
  return *value;
}

}  // namespace

std::string to_string(Blame blame) {
  for (const auto& [value, name] : kBlames) {
    if (value == blame) return name;
  }
  return "device";
}

Result<Expectations> Expectations::load(const std::filesystem::path& path) {
  Expectations expectations;
  expectations.path_ = path;
  const std::string file = path.string();
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    return fail("read expectations " + file, std::string(e.description()));
  }
  for (const auto& [key, value] : table) {
    if (key.str() != "expect") {
      return fail("read expectations " + file,
                  "unknown key `" + std::string(key.str()) + "`: the file holds only [[expect]] entries");
    }
  }
  if (table.contains("expect") && !table["expect"].is_array_of_tables()) {
    return fail("read expectations " + file, "`expect` must be [[expect]] tables");
  }
  const auto* entries = table["expect"].as_array();
  if (entries == nullptr) return expectations;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const auto& entry = *(*entries)[i].as_table();
    const std::string where = "read expectations " + file + ": [[expect]] #" + std::to_string(i + 1);
    for (const auto& [key, value] : entry) {
      if (!kEntryKeys.contains(key.str())) return fail(where, "unknown key `" + std::string(key.str()) + "`");
    }
    auto tests = required(entry, "tests", where, "\"<suite>:<gtest filter>\"");
    if (!tests) return std::unexpected(tests.error());
    const std::string at = where + " (" + *tests + ")";
    if (tests->find(':') == std::string::npos) return fail(at, "tests must be \"<suite>:<gtest filter>\"");
    const auto result = entry["result"].value_or(std::string("fail"));
    if (result != "fail") return fail(at, "result must be \"fail\", not \"" + result + "\"");
    auto failure = required(entry, "failure", at, "a pattern of how the test fails (its message or detail)");
    if (!failure) return std::unexpected(failure.error());
    auto pattern = FailurePattern::compile(*failure);
    if (!pattern) return fail(at, pattern.error().message());
    auto blame_name = required(entry, "blame", at, "whose deviation it is (" + blame_names() + ")");
    if (!blame_name) return std::unexpected(blame_name.error());
    const auto* blame = std::find_if(kBlames.begin(), kBlames.end(),
                                     [&](const auto& known) { return *blame_name == known.second; });
    if (blame == kBlames.end()) {
      return fail(at, "blame \"" + *blame_name + "\" is not one of " + blame_names() +
                          " (a harness that cannot do something skips; it is never blamed)");
    }
    auto reason = required(entry, "reason", at, "why it fails, in words");
    if (!reason) return std::unexpected(reason.error());
    const bool under_profiles = entry["under_profiles"].value_or(false);
    if (entry.contains("under_profiles") && !entry["under_profiles"].is_boolean()) {
      return fail(at, "under_profiles must be true or false");
    }
    if (under_profiles && entry["under_profiles_reason"].value_or(std::string()).empty()) {
      return fail(at,
                  "under_profiles = true needs under_profiles_reason: why it holds under a fault profile");
    }
    const auto split = split_suite_pattern(*tests);
    expectations.entries_.push_back({*tests, split.suite, TestFilter(split.filter), std::move(*pattern),
                                     blame->first, one_line(*reason),
                                     entry["evidence"].value_or(std::string()), under_profiles});
  }
  return expectations;
}

Expectations Expectations::under_fault_profile() const {
  Expectations kept;
  kept.path_ = path_;
  std::copy_if(entries_.begin(), entries_.end(), std::back_inserter(kept.entries_),
               [](const Entry& entry) { return entry.under_profiles; });
  return kept;
}

bool Expectations::Entry::names(const std::string& suite_name, const std::string& test_name) const {
  return glob_match(suite, suite_name) && filter.matches(test_name);
}

void Expectations::apply(reports::TestResult& result) const {
  const auto entry = std::find_if(entries_.begin(), entries_.end(),
                                  [&](const Entry& e) { return e.names(result.suite, result.name); });
  if (entry == entries_.end()) return;
  const std::string blame = to_string(entry->blame);
  if (result.verdict == reports::Verdict::fail) {
    result.properties["expectation.blame"] = blame;
    result.properties["expectation.failure"] = entry->failure.text();
    if (!entry->failure.matches(result.message, result.detail)) {
      result.kind = "unexpected-failure";
      result.detail = "The expectations file " + path_.string() + " expects this test to fail with /" +
                      entry->failure.text() + "/ (blame: " + blame + ": " + entry->reason +
                      "); it failed otherwise:\n" + result.message + "\n\n" + result.detail;
      result.message = "failed differently from its recorded expectation (expected /" +
                       entry->failure.text() + "/): " + result.message;
      return;
    }
    result.verdict = reports::Verdict::xfail;
    result.kind = "xfail";
    std::string detail = result.message + "\n\n" + result.detail;
    if (!entry->evidence.empty()) detail += "\n\nRecorded evidence of the known failure:\n" + entry->evidence;
    result.detail = std::move(detail);
    result.message = "expected failure (blame: " + blame + "): " + entry->reason;
  } else if (result.verdict == reports::Verdict::pass) {
    result.verdict = reports::Verdict::xpass;
    result.kind = "xpass";
    result.message = "passed, but the expectations file says it fails (blame: " + blame + ": " +
                     entry->reason + "): update the file if the fix has landed";
  }
}

std::vector<StaleEntry> Expectations::stale(const std::vector<reports::TestResult>& results,
                                            const ExpectationScope& scope) const {
  std::map<std::pair<std::string, std::string>, const reports::TestResult*> by_test;
  for (const auto& result : results) by_test[{result.suite, result.name}] = &result;
  std::vector<StaleEntry> stale;
  for (const auto& entry : entries_) {
    std::vector<std::string> reasons;
    bool selected = false;
    bool suite_run_whole = false;
    for (const auto& suite : scope.plan) {
      if (!glob_match(entry.suite, suite.name)) continue;
      suite_run_whole = suite_run_whole || scope.whole_suites;
      for (const auto& test : suite.tests) {
        if (!entry.names(suite.name, test)) continue;
        selected = true;
        const auto found = by_test.find({suite.name, test});
        if (found == by_test.end()) {
          reasons.push_back(suite.name + ":" + test + " was selected but not run");
        } else if (found->second->verdict == reports::Verdict::skipped) {
          reasons.push_back(suite.name + ":" + test + " skipped (" + found->second->message + ")");
        } else if (found->second->verdict == reports::Verdict::warn) {
          reasons.push_back(suite.name + ":" + test + " only warns, a *should* deviation (" +
                            found->second->message + ")");
        }
      }
    }
    if (!selected && suite_run_whole) reasons.push_back("it names no test of the suites this run ran whole");
    if (reasons.empty()) continue;
    std::string why;
    for (const auto& reason : reasons) why += (why.empty() ? "" : "; ") + reason;
    stale.push_back({entry.tests, why});
  }
  return stale;
}

reports::TestResult Expectations::stale_result(const StaleEntry& entry) const {
  reports::TestResult result;
  result.suite = kGateSuite;
  result.name = "expectations.stale: " + entry.tests;
  result.verdict = reports::Verdict::fail;
  result.kind = "stale-expectation";
  result.message = "stale expectation " + entry.tests + " in " + path_.string() + ": " + entry.why;
  result.detail = result.message +
                  "\n\nAn expectation that no longer meets the failure it records hides nothing today and "
                  "could hide anything tomorrow: remove the entry, or make the test run again.";
  return result;
}

}  // namespace dextqual::runner
