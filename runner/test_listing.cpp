#include "runner/test_listing.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "contract/capabilities.h"
#include "process/child_process.h"
#include "reports/text_safety.h"

namespace dextqual::runner {

Result<std::vector<ListedTest>> list_tests(const std::filesystem::path& binary,
                                           const std::vector<std::string>& extra_args,
                                           const std::filesystem::path& work_dir,
                                           std::chrono::seconds timeout) {
  const auto listing = work_dir / (binary.filename().string() + ".list.json");
  std::error_code ec;
  std::filesystem::remove(listing, ec);  // a stale listing must not stand in for this one
  process::ChildSpec spec;
  spec.argv = {binary.string(), "--gtest_list_tests", "--gtest_output=json:" + listing.string()};
  spec.argv.insert(spec.argv.end(), extra_args.begin(), extra_args.end());
  spec.timeout = timeout;
  spec.output_cap = 64 * 1024;
  const auto outcome = process::run_child(spec);
  const auto what = "list tests of " + binary.string();
  if (!outcome.succeeded()) {
    return fail(what, outcome.describe() + ": " +
                          reports::first_line(outcome.err.text() + "\n" + outcome.out.text(), 300));
  }
  std::ifstream in(listing);
  if (!in) return fail(what, "no listing written to " + listing.string());
  std::stringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.contains("testsuites"))
    return fail(what, "unreadable listing " + listing.string());
  std::vector<ListedTest> tests;
  try {
    for (const auto& suite : json.at("testsuites")) {
      const auto suite_name = suite.at("name").get<std::string>();
      for (const auto& test : suite.value("testsuite", nlohmann::json::array())) {
        const auto test_name = test.at("name").get<std::string>();
        const bool disabled = suite_name.starts_with("DISABLED_") || test_name.starts_with("DISABLED_") ||
                              suite_name.find("/DISABLED_") != std::string::npos;
        tests.push_back(
            {suite_name + "." + test_name, disabled, test.value("file", ""), test.value("line", 0)});
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(what, e.what());
  }
  return tests;
}

namespace {

// The requirement a source line declares, by the name the skip text and contract/capabilities.h use:
// REQUIRE_DUT(raw_node), REQUIRE_DUT(capacity_at_least(n)) (suites/lib/testing/require_dut.h, the one
// way a suite test requires anything).
std::string requirement_declared_in(std::string_view line) {
  constexpr std::string_view kMacro = "REQUIRE_DUT(";
  const auto at = line.find(kMacro);
  if (at == std::string_view::npos) return {};
  return contract::requirement_name_of(line.substr(at + kMacro.size()));
}

}  // namespace

TestGuard read_test_guard(const ListedTest& test) {
  TestGuard guard;
  std::ifstream source(test.file);
  if (!source || test.line <= 0) return guard;
  std::string text;
  for (int n = 1; n < test.line && std::getline(source, text); ++n) {
  }
  // The TEST line itself, then a few lines of its body.
  for (int n = 0; n < 12 && std::getline(source, text); ++n) {
    const auto start = text.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    const std::string_view line = std::string_view(text).substr(start);
    if (line.starts_with("//") && guard.guards.empty() && n <= 2) {
      guard.guards = std::string(line.substr(line.find_first_not_of("/ ")));
    }
    if (auto requirement = requirement_declared_in(line); !requirement.empty())
      guard.requires_.push_back(std::move(requirement));
    if (line.starts_with("}")) break;
  }
  return guard;
}

}  // namespace dextqual::runner
