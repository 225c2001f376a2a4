#include "runner/expectations.h"

#include <toml++/toml.h>

namespace dextqual::runner {

Result<Expectations> Expectations::load(const std::filesystem::path& path) {
  Expectations expectations;
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    return fail("read expectations " + path.string(), std::string(e.description()));
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
    expectations.entries_.push_back({pattern.suite, TestFilter(pattern.filter),
                                     (*entry)["reason"].value_or(std::string("no reason given"))});
  }
  return expectations;
}

void Expectations::apply(reports::TestResult& result) const {
  for (const auto& entry : entries_) {
    if (!glob_match(entry.suite, result.suite) || !entry.filter.matches(result.name)) continue;
    if (result.verdict == reports::Verdict::fail) {
      result.verdict = reports::Verdict::xfail;
      result.message = "expected failure (" + entry.reason + "): " + result.message;
    } else if (result.verdict == reports::Verdict::pass) {
      result.verdict = reports::Verdict::xpass;
      result.kind = "xpass";
      result.message = "passed, but the expectations file says it fails (" + entry.reason +
                       "): update the file if the fix has landed";
    }
    return;
  }
}

}  // namespace dextqual::runner
