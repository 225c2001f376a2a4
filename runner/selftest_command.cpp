#include "runner/selftest_command.h"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "reports/html_report.h"
#include "reports/junit_writer.h"
#include "reports/report_json.h"
#include "runner/exit_status.h"
#include "runner/field_report_table.h"
#include "runner/run_command.h"
#include "runner/selftest_judge.h"
#include "runner/selftest_spec.h"
#include "runner/suite_catalog.h"
#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

CommandResult<std::vector<SelftestSpec>> read_profiles(const fs::path& faults,
                                                       const std::vector<std::string>& wanted) {
  std::vector<SelftestSpec> profiles;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(faults, ec)) {
    if (entry.path().extension() != ".toml") continue;
    const auto stem = entry.path().stem().string();
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), stem) == wanted.end() &&
        std::find(wanted.begin(), wanted.end(), stem + ".toml") == wanted.end()) {
      continue;
    }
    auto spec = read_selftest_spec(entry.path());
    if (!spec) return std::unexpected(spec.error());
    profiles.push_back(std::move(*spec));
  }
  if (ec) return usage_error("cannot read " + faults.string());
  std::sort(profiles.begin(), profiles.end(), [](const SelftestSpec& a, const SelftestSpec& b) {
    return std::pair(a.name != "clean", a.name) < std::pair(b.name != "clean", b.name);
  });
  if (profiles.empty()) return usage_error("no fault profiles in " + faults.string());
  return profiles;
}

// Every test of one profile's run, from its summary.json.
std::vector<JudgedTest> results_of(const fs::path& summary_path) {
  std::vector<JudgedTest> results;
  std::ifstream in(summary_path);
  const auto summary = nlohmann::json::parse(in, nullptr, false);
  if (summary.is_discarded()) return results;
  for (const auto& test : summary.value("tests", nlohmann::json::array())) {
    const auto verdict = reports::verdict_from_label(test.value("verdict", ""));
    results.push_back(
        {test.value("suite", ""), test.value("name", ""), verdict.value_or(reports::Verdict::unresolved),
         // The summary's message is shortened; a claim's pattern may name what only the full text says.
         test.value("message", "") + "\n" + test.value("detail", "")});
  }
  return results;
}

// With --suites, expectations on the suites left out are not checked; on suites that do not exist
// at all they stay, so the judge reports them.
SelftestSpec restricted(SelftestSpec spec, const std::vector<std::string>& run,
                        const std::vector<std::string>& available) {
  const auto out_of_scope = [&](const TestExpectation& e) {
    return std::find(run.begin(), run.end(), e.suite) == run.end() &&
           std::find(available.begin(), available.end(), e.suite) != available.end();
  };
  std::erase_if(spec.claims, out_of_scope);
  std::erase_if(spec.collateral, out_of_scope);
  std::erase_if(spec.allowed_skips, out_of_scope);
  return spec;
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
      if (cell.matches && cell.checked) continue;
      std::istringstream notes(cell.note);
      for (std::string line; std::getline(notes, line);)
        std::printf("    %s: %s\n", suite.c_str(), line.c_str());
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
  const auto faults = installation.fixtures_dir / "faults";
  auto profiles = read_profiles(faults, options.profiles);
  auto clean = read_selftest_spec(faults / "clean.toml");
  if (!profiles || !clean) {
    std::cerr << "dextqual: " << (profiles ? clean.error() : profiles.error()).reason << "\n";
    return (profiles ? clean.error() : profiles.error()).exit_code;
  }
  if (options.field_report_table) {
    std::cout << field_report_table(*profiles);
    return kAllPassed;
  }
  std::vector<std::string> available;
  for (const auto& suite : discover_suites(installation.suites_dir)) available.push_back(suite.name);
  if (available.empty()) {
    std::cerr << "dextqual: no suite binaries in " << installation.suites_dir.string() << "\n";
    return kHarnessError;
  }
  std::vector<std::string> suites;
  for (const auto& suite : available) {
    if (options.suites.empty() ||
        std::find(options.suites.begin(), options.suites.end(), suite) != options.suites.end()) {
      suites.push_back(suite);
    }
  }
  std::vector<reports::SelftestRow> rows;
  std::set<std::string> matrix_suites;
  for (const auto& profile : *profiles) {
    if (signals.token().stop_requested()) break;
    std::cout << "\n== selftest: " << profile.name << " (" << suites.size() << " suites)\n" << std::flush;
    // The whole suite under every profile: what else a fault breaks is seen, not only what it claims.
    RunOptions run;
    run.sim_profile = profile.path.string();
    run.suites = suites;
    run.quick = true;
    run.report_dir = (fs::path(options.report_dir) / profile.name).string();
    run.timeout_per_test_s =
        std::min(options.timeout_per_test_s, profile.timeout_per_test_s.value_or(options.timeout_per_test_s));
    const int exit = run_command(run, installation, signals, "dextqual selftest (" + profile.name + ")");
    const auto spec = restricted(profile, suites, available);
    auto row = judge_profile(spec, restricted(*clean, suites, available).allowed_skips, suites,
                             results_of(fs::path(run.report_dir) / "summary.json"));
    if (exit == kHarnessError || exit == kUsageError) {
      row.matches = false;
      row.cells["[run]"] = {{}, {}, false, "the run itself failed with exit code " + std::to_string(exit)};
    }
    for (const auto& [suite, cell] : row.cells) matrix_suites.insert(suite);
    rows.push_back(std::move(row));
  }
  const std::vector<std::string> matrix(matrix_suites.begin(), matrix_suites.end());
  print_matrix(rows, matrix);
  const auto report = selftest_report(rows);
  std::error_code ec;
  fs::create_directories(options.report_dir, ec);
  const auto dir = fs::path(options.report_dir);
  (void)reports::write_junit(dir / "selftest.xml", report);
  nlohmann::json rows_json = nlohmann::json::array();
  for (const auto& row : rows) rows_json.push_back(reports::to_json(row));
  std::ofstream(dir / "selftest.json") << reports::dump_safely(rows_json, 2) << "\n";
  (void)reports::write_html(dir / "selftest.html", report);
  const bool all_match = !rows.empty() && rows.size() == profiles->size() &&
                         std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.matches; });
  std::cout << (all_match
                    ? "selftest: every profile ends exactly as its claims and collateral say, clean passes\n"
                    : "selftest: MISMATCH (see above)\n");
  return all_match ? kAllPassed : kTestFailures;
}

}  // namespace dextqual::runner
