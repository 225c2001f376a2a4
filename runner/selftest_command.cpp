#include "runner/selftest_command.h"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "reports/html_report.h"
#include "reports/junit_writer.h"
#include "reports/report_json.h"
#include "runner/exit_status.h"
#include "runner/run_command.h"
#include "runner/suite_catalog.h"
#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

struct Profile {
  fs::path path;
  std::string name;
  std::vector<std::string> detected_by;
  // [selftest] timeout_per_test: a profile whose claimed tests end as TIMEOUT (a wedged device) says
  // how long to wait for them, so that the matrix does not wait the default 300 s.
  std::optional<double> timeout_per_test_s;
};

CommandResult<std::vector<Profile>> read_profiles(const fs::path& faults,
                                                  const std::vector<std::string>& wanted) {
  std::vector<Profile> profiles;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(faults, ec)) {
    if (entry.path().extension() != ".toml") continue;
    const auto stem = entry.path().stem().string();
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), stem) == wanted.end() &&
        std::find(wanted.begin(), wanted.end(), stem + ".toml") == wanted.end()) {
      continue;
    }
    Profile profile{entry.path(), stem, {}, std::nullopt};
    try {
      const auto table = toml::parse_file(entry.path().string());
      if (const auto* list = table["selftest"]["detected_by"].as_array()) {
        for (const auto& item : *list) profile.detected_by.push_back(item.value_or(std::string()));
      }
      profile.timeout_per_test_s = table["selftest"]["timeout_per_test"].value<double>();
    } catch (const toml::parse_error& e) {
      return usage_error(entry.path().string() + ": " + std::string(e.description()));
    }
    profiles.push_back(std::move(profile));
  }
  if (ec) return usage_error("cannot read " + faults.string());
  std::sort(profiles.begin(), profiles.end(), [](const Profile& a, const Profile& b) {
    return (a.name != "clean") < (b.name != "clean") ||
           ((a.name != "clean") == (b.name != "clean") && a.name < b.name);
  });
  if (profiles.empty()) return usage_error("no fault profiles in " + faults.string());
  return profiles;
}

struct SuiteOutcome {
  std::vector<std::string> failed;  // "Suite.Test"
  int tests = 0;
};

// What failed in each suite of one profile's run, from its summary.json.
std::map<std::string, SuiteOutcome> outcomes_of(const fs::path& summary_path) {
  std::map<std::string, SuiteOutcome> outcomes;
  std::ifstream in(summary_path);
  const auto summary = nlohmann::json::parse(in, nullptr, false);
  if (summary.is_discarded()) return outcomes;
  for (const auto& test : summary.value("tests", nlohmann::json::array())) {
    auto& outcome = outcomes[test.value("suite", "")];
    ++outcome.tests;
    if (test.value("failure", false)) outcome.failed.push_back(test.value("name", ""));
  }
  return outcomes;
}

reports::SelftestRow compare(const Profile& profile, const std::vector<std::string>& suites_run,
                             const std::vector<std::string>& available,
                             const std::map<std::string, SuiteOutcome>& outcomes, int run_exit) {
  reports::SelftestRow row;
  row.profile = profile.name;
  // A claim on a suite this build does not have cannot be checked: shown, not counted either way.
  for (const auto& entry : profile.detected_by) {
    const auto pattern = split_suite_pattern(entry);
    if (std::find(available.begin(), available.end(), pattern.suite) != available.end()) continue;
    auto& cell = row.cells[pattern.suite];
    cell.expected.push_back(pattern.filter);
    cell.checked = false;
    cell.note = "suite not built here: claim not checked";
  }
  const bool clean = profile.detected_by.empty();
  for (const auto& suite : suites_run) {
    auto& cell = row.cells[suite];
    const auto found = outcomes.find(suite);
    const SuiteOutcome outcome = found == outcomes.end() ? SuiteOutcome{} : found->second;
    cell.failed = outcome.failed;
    std::vector<std::string> missed;
    for (const auto& entry : profile.detected_by) {
      const auto pattern = split_suite_pattern(entry);
      if (pattern.suite != suite) continue;
      cell.expected.push_back(pattern.filter);
      const TestFilter filter(pattern.filter);
      if (std::none_of(outcome.failed.begin(), outcome.failed.end(),
                       [&](const auto& t) { return filter.matches(t); })) {
        missed.push_back(pattern.filter);
      }
    }
    if (outcome.tests == 0) {
      cell.matches = false;
      cell.note = "no results (the run " +
                  std::string(run_exit == kUsageError ? "was refused" : "produced none") + ")";
    } else if (clean && !outcome.failed.empty()) {
      cell.matches = false;
      cell.note =
          "clean must pass everything; failed: " + outcome.failed.front() +
          (outcome.failed.size() > 1 ? " and " + std::to_string(outcome.failed.size() - 1) + " more" : "");
    } else if (!missed.empty()) {
      cell.matches = false;
      cell.note = "not caught: " + missed.front() +
                  (missed.size() > 1 ? " (+" + std::to_string(missed.size() - 1) + ")" : "");
    } else {
      cell.note =
          clean ? "all passed" : "caught by " + std::to_string(outcome.failed.size()) + " failing tests";
    }
    row.matches = row.matches && cell.matches;
  }
  return row;
}

void print_matrix(const std::vector<reports::SelftestRow>& rows, const std::vector<std::string>& suites) {
  std::cout << "\nselftest matrix (profile x suite): ok = as declared, MISS = not as declared, "
               "n/a = suite not built, - = not run\n";
  std::printf("%-34s", "profile");
  for (const auto& suite : suites) std::printf(" %-11s", suite.c_str());
  std::printf(" verdict\n");
  for (const auto& row : rows) {
    std::printf("%-34s", row.profile.c_str());
    for (const auto& suite : suites) {
      const auto cell = row.cells.find(suite);
      std::printf(" %-11s", cell == row.cells.end() ? "-"
                            : !cell->second.checked ? "n/a"
                            : cell->second.matches  ? "ok"
                                                    : "MISS");
    }
    std::printf(" %s\n", row.matches ? "match" : "MISMATCH");
    for (const auto& [suite, cell] : row.cells) {
      if (!cell.matches || !cell.checked) std::printf("    %s: %s\n", suite.c_str(), cell.note.c_str());
    }
  }
  std::fflush(stdout);
}

reports::Report selftest_report(const std::vector<reports::SelftestRow>& rows) {
  reports::Report report;
  report.run.id = "selftest";
  report.run.status = "finished";
  report.selftest = rows;
  reports::SuiteReport suite{"selftest", "dextqual selftest", {}};
  for (const auto& row : rows) {
    for (const auto& [name, cell] : row.cells) {
      if (!cell.checked) continue;
      reports::TestResult test;
      test.suite = "selftest";
      test.name = row.profile + "." + name;
      test.verdict = cell.matches ? reports::Verdict::pass : reports::Verdict::fail;
      test.kind = "selftest";
      test.message = cell.note;
      test.detail = cell.note;
      test.reproducer = "dextqual selftest --profile " + row.profile + " --suites " + name;
      suite.tests.push_back(test);
    }
  }
  report.suites.push_back(suite);
  return report;
}

}  // namespace

int selftest_command(const SelftestOptions& options, const Installation& installation,
                     const SignalStop& signals) {
  auto profiles = read_profiles(installation.fixtures_dir / "faults", options.profiles);
  if (!profiles) {
    std::cerr << "dextqual: " << profiles.error().reason << "\n";
    return profiles.error().exit_code;
  }
  std::vector<std::string> available;
  for (const auto& suite : discover_suites(installation.suites_dir)) available.push_back(suite.name);
  if (available.empty()) {
    std::cerr << "dextqual: no suite binaries in " << installation.suites_dir.string() << "\n";
    return kHarnessError;
  }
  std::vector<reports::SelftestRow> rows;
  std::set<std::string> matrix_suites;
  for (const auto& profile : *profiles) {
    if (signals.token().stop_requested()) break;
    std::vector<std::string> suites;
    for (const auto& suite : available) {
      const bool declared = std::any_of(profile.detected_by.begin(), profile.detected_by.end(),
                                        [&](const auto& e) { return split_suite_pattern(e).suite == suite; });
      const bool wanted = options.suites.empty() || std::find(options.suites.begin(), options.suites.end(),
                                                              suite) != options.suites.end();
      if (wanted && (declared || profile.detected_by.empty() || options.all_suites)) suites.push_back(suite);
    }
    std::cout << "\n== selftest: " << profile.name << " (" << suites.size() << " suites)\n" << std::flush;
    reports::SelftestRow row;
    if (suites.empty()) {
      row.profile = profile.name;
      row.matches = false;
      row.cells["-"] = {profile.detected_by, {}, false, "none of the suites it names is built"};
    } else {
      RunOptions run;
      run.sim_profile = profile.path.string();
      run.suites = suites;
      run.quick = true;
      run.report_dir = (fs::path(options.report_dir) / profile.name).string();
      run.timeout_per_test_s = std::min(options.timeout_per_test_s,
                                        profile.timeout_per_test_s.value_or(options.timeout_per_test_s));
      if (!options.all_tests && !options.all_suites) {
        // Only what the profile claims: each suite's patterns, joined as one gtest filter.
        for (const auto& entry : profile.detected_by) {
          const auto pattern = split_suite_pattern(entry);
          auto& filter = run.suite_filters[pattern.suite];
          filter += (filter.empty() ? "" : ":") + pattern.filter;
        }
      }
      const int exit = run_command(run, installation, signals, "dextqual selftest (" + profile.name + ")");
      row = compare(profile, suites, available, outcomes_of(fs::path(run.report_dir) / "summary.json"), exit);
      if (exit == kHarnessError || exit == kUsageError) {
        row.matches = false;
        row.cells["[run]"] = {{}, {}, false, "the run itself failed with exit code " + std::to_string(exit)};
      }
    }
    for (const auto& [suite, cell] : row.cells) matrix_suites.insert(suite);
    rows.push_back(std::move(row));
  }
  const std::vector<std::string> suites(matrix_suites.begin(), matrix_suites.end());
  print_matrix(rows, suites);
  const auto report = selftest_report(rows);
  std::error_code ec;
  fs::create_directories(options.report_dir, ec);
  const auto dir = fs::path(options.report_dir);
  (void)reports::write_junit(dir / "selftest.xml", report);
  nlohmann::json json = nlohmann::json::array();
  for (const auto& row : rows) json.push_back(reports::to_json(row));
  std::ofstream(dir / "selftest.json") << reports::dump_safely(json, 2) << "\n";
  (void)reports::write_html(dir / "selftest.html", report);
  const bool all_match = !rows.empty() && rows.size() == profiles->size() &&
                         std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.matches; });
  std::cout << (all_match ? "selftest: every profile is caught as declared and clean passes\n"
                          : "selftest: MISMATCH (see above)\n");
  return all_match ? kAllPassed : kTestFailures;
}

}  // namespace dextqual::runner
