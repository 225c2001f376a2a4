#include "runner/test_listing.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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
        tests.push_back({suite_name + "." + test_name, disabled});
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(what, e.what());
  }
  return tests;
}

}  // namespace dextqual::runner
