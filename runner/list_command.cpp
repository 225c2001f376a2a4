#include "runner/list_command.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "contract/capabilities.h"
#include "runner/exit_status.h"
#include "runner/shard.h"
#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

// The capabilities a test needs: by its declared requirements, and by the table's names for the
// tests that exist for one (the scsi suite's pass-through is required by its fixture, not each test).
std::vector<std::string> capabilities_of(const std::string& suite, const ListedTest& test,
                                         const TestGuard& guard) {
  std::vector<std::string> names;
  const auto add = [&](std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  };
  for (const auto& requirement : guard.requires_) {
    if (const auto* capability = contract::capability_of_requirement(requirement)) add(capability->name);
  }
  for (const auto& capability : contract::capabilities()) {
    if (capability.suite.empty() && capability.filter.empty()) continue;
    if (!capability.suite.empty() && capability.suite != suite) continue;
    if (capability.filter.empty() || TestFilter(capability.filter).matches(test.name)) add(capability.name);
  }
  return names;
}

void print_text(const std::vector<ListedSuite>& suites) {
  for (const auto& listed : suites) {
    if (!listed.error.empty()) {
      std::cout << listed.suite.name << ": cannot be listed: " << listed.error << "\n";
      continue;
    }
    std::cout << listed.suite.name << " (" << listed.tests.size() << " tests, " << listed.suite.path.string()
              << ")\n";
    for (const auto& test : listed.tests) {
      std::cout << "  " << test.name << (test.disabled ? "  [disabled]" : "") << "\n";
      const auto guard = read_test_guard(test);
      if (!guard.guards.empty()) std::cout << "      guards:   " << guard.guards << "\n";
      std::string requirements;
      for (const auto& requirement : guard.requires_)
        requirements += (requirements.empty() ? "" : ", ") + requirement;
      if (!requirements.empty()) std::cout << "      requires: " << requirements << "\n";
    }
  }
  std::cout
      << "Requirements are declared by each test (REQUIRE_DUT) and reported as SKIPPED with the reason when "
         "the DUT cannot meet them; destructive tests need --allow-data-loss.\n";
}

}  // namespace

nlohmann::json list_json(const std::vector<ListedSuite>& suites, const std::string& shard) {
  nlohmann::json out = {
      {"schema", "dextqual-list/1"}, {"shard", nullptr}, {"suites", nlohmann::json::array()}};
  if (auto parsed = parse_shard(shard); !shard.empty() && parsed)
    out["shard"] = {{"index", parsed->index}, {"count", parsed->count}};
  for (const auto& listed : suites) {
    nlohmann::json suite = {{"name", listed.suite.name}, {"binary", listed.suite.path.string()}};
    if (!listed.error.empty()) suite["error"] = listed.error;
    nlohmann::json tests = nlohmann::json::array();
    for (const auto& test : listed.tests) {
      const auto guard = read_test_guard(test);
      tests.push_back({{"name", test.name},
                       {"disabled", test.disabled},
                       {"shard_unit", shard_unit(listed.suite.name, test.name)},
                       {"guards", guard.guards},
                       {"requires", guard.requires_},
                       {"capabilities", capabilities_of(listed.suite.name, test, guard)},
                       {"file", test.file},
                       {"line", test.line}});
    }
    suite["tests"] = std::move(tests);
    out["suites"].push_back(std::move(suite));
  }
  nlohmann::json capabilities = nlohmann::json::array();
  for (const auto& capability : contract::capabilities()) {
    capabilities.push_back({{"name", capability.name}, {"what", capability.what}});
  }
  out["capabilities"] = std::move(capabilities);
  return out;
}

int list_command(const Installation& installation, const ListOptions& options) {
  Shard shard;
  if (!options.shard.empty()) {
    auto parsed = parse_shard(options.shard);
    if (!parsed) {
      std::cerr << "dextqual: " << parsed.error().reason << "\n";
      return kUsageError;
    }
    shard = *parsed;
  }
  const auto available = discover_suites(installation.suites_dir);
  if (available.empty()) {
    std::cerr << "dextqual: no suite binaries in " << installation.suites_dir.string() << "\n";
    return kHarnessError;
  }
  for (const auto& wanted : options.suites) {
    if (std::none_of(available.begin(), available.end(), [&](const auto& s) { return s.name == wanted; })) {
      std::cerr << "dextqual: no suite '" << wanted << "'\n";
      return kUsageError;
    }
  }
  const TestFilter test_filter(options.filter);
  const auto work_dir =
      std::filesystem::temp_directory_path() / ("dextqual-list-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work_dir);
  int status = kAllPassed;
  std::vector<ListedSuite> listed;
  for (const auto& suite : available) {
    const auto& wanted = options.suites;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), suite.name) == wanted.end()) continue;
    ListedSuite entry{suite, {}, {}};
    auto tests = list_tests(suite.path, {}, work_dir);
    if (!tests) {
      entry.error = tests.error().message();
      status = kHarnessError;
    } else {
      for (auto& test : *tests) {
        if (test_filter.matches(test.name) && in_shard(shard, suite.name, test.name))
          entry.tests.push_back(std::move(test));
      }
    }
    listed.push_back(std::move(entry));
  }
  std::error_code ec;
  std::filesystem::remove_all(work_dir, ec);
  if (options.json) {
    std::cout << list_json(listed, options.shard).dump(2) << "\n";
  } else {
    print_text(listed);
  }
  return status;
}

}  // namespace dextqual::runner
