#include "runner/selftest_spec.h"

#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

CommandResult<void> only_keys(const toml::table& table, const std::string& where,
                              const std::set<std::string, std::less<>>& allowed) {
  for (const auto& [key, value] : table) {
    if (!allowed.contains(key.str()))
      return usage_error(where + ": unknown key '" + std::string(key.str()) + "'");
  }
  return {};
}

// One [[selftest.<kind>]] entry. `message_required`: claims and allowed skips must say what their
// message is about; `why_required`: collateral and allowed skips must say why.
CommandResult<TestExpectation> read_expectation(const toml::table& entry, const std::string& where,
                                                bool message_required, bool why_required) {
  if (auto keys = only_keys(entry, where, {"tests", "verdict", "message", "why"}); !keys) {
    return std::unexpected(keys.error());
  }
  TestExpectation expectation;
  const auto tests = entry["tests"].value<std::string>();
  if (!tests || tests->find(':') == std::string::npos) {
    return usage_error(where + ": tests = \"<suite>:<gtest filter>\" is required");
  }
  const auto pattern = split_suite_pattern(*tests);
  expectation.suite = pattern.suite;
  expectation.filter = pattern.filter;
  if (const auto verdict = entry["verdict"].value<std::string>()) {
    const auto parsed = reports::verdict_from_label(*verdict);
    if (!parsed || *parsed == reports::Verdict::pass) {
      return usage_error(where + ": verdict '" + *verdict +
                         "' is not a non-passing verdict label (FAIL, TIMEOUT, ...)");
    }
    expectation.verdict = *parsed;
  }
  expectation.message_pattern = entry["message"].value_or(std::string());
  if (message_required && expectation.message_pattern.empty()) {
    return usage_error(where + ": message = \"<what the failure must say>\" is required");
  }
  auto compiled = FailurePattern::compile(expectation.message_pattern);
  if (!compiled) return usage_error(where + ": message: " + compiled.error().message());
  expectation.message = std::move(*compiled);
  expectation.why = entry["why"].value_or(std::string());
  if (why_required && expectation.why.empty()) return usage_error(where + ": why = \"<reason>\" is required");
  return expectation;
}

CommandResult<std::vector<TestExpectation>> read_list(const toml::table& selftest, const char* kind,
                                                      const std::string& file, bool message_required,
                                                      bool why_required) {
  std::vector<TestExpectation> list;
  const toml::node* node = selftest.get(kind);
  if (node == nullptr) return list;
  const toml::array* entries = node->as_array();
  if (entries == nullptr)
    return usage_error(file + ": selftest." + kind + ": expected [[selftest." + kind + "]] tables");
  for (size_t i = 0; i < entries->size(); ++i) {
    const std::string where = file + ": selftest." + kind + "[" + std::to_string(i) + "]";
    const toml::table* entry = (*entries)[i].as_table();
    if (entry == nullptr) return usage_error(where + ": expected a table");
    auto expectation = read_expectation(*entry, where, message_required, why_required);
    if (!expectation) return std::unexpected(expectation.error());
    list.push_back(std::move(*expectation));
  }
  return list;
}

}  // namespace

bool TestExpectation::selects(const std::string& test_suite, const std::string& test_name) const {
  return test_suite == suite && TestFilter(filter).matches(test_name);
}

bool TestExpectation::accepts(const std::string& test_suite, const std::string& test_name,
                              reports::Verdict test_verdict, const std::string& test_message) const {
  if (!selects(test_suite, test_name) || test_verdict != verdict) return false;
  return message.matches(test_message);
}

CommandResult<SelftestSpec> read_selftest_spec(const fs::path& profile) {
  const std::string file = profile.string();
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    return usage_error(file + ": " + std::string(e.description()));
  }
  SelftestSpec spec;
  spec.path = profile;
  spec.name = profile.stem().string();
  spec.field_report = table["profile"]["field_report"].value_or(std::string());
  spec.description = table["profile"]["description"].value_or(std::string());
  const toml::table* selftest = table["selftest"].as_table();
  if (selftest == nullptr) {
    return usage_error(
        file + ": no [selftest] table: a profile says which tests catch it (fixtures/faults/README.md)");
  }
  if (auto keys = only_keys(*selftest, file + ": selftest",
                            {"claim", "collateral", "allowed_skip", "timeout_per_test"});
      !keys) {
    return std::unexpected(keys.error());
  }
  auto claims = read_list(*selftest, "claim", file, true, false);
  if (!claims) return std::unexpected(claims.error());
  auto collateral = read_list(*selftest, "collateral", file, false, true);
  if (!collateral) return std::unexpected(collateral.error());
  auto skips = read_list(*selftest, "allowed_skip", file, true, true);
  if (!skips) return std::unexpected(skips.error());
  spec.claims = std::move(*claims);
  spec.collateral = std::move(*collateral);
  spec.allowed_skips = std::move(*skips);
  for (auto& skip : spec.allowed_skips) skip.verdict = reports::Verdict::skipped;
  if (spec.is_clean() && !spec.collateral.empty()) {
    return usage_error(file + ": a profile without claims is the clean reference; it cannot list collateral");
  }
  if (!spec.is_clean() && !spec.allowed_skips.empty()) {
    return usage_error(file + ": allowed skips are listed once, in the clean profile");
  }
  spec.timeout_per_test_s = (*selftest)["timeout_per_test"].value<double>();
  return spec;
}

}  // namespace dextqual::runner
