#include "reports/run_merge.h"

#include <cerrno>
#include <fstream>
#include <map>
#include <set>

#include "core/atomic_file.h"
#include "reports/command_histogram.h"
#include "reports/junit_writer.h"
#include "reports/merge_html.h"
#include "reports/report_json.h"

namespace dextqual::reports {

using nlohmann::json;

namespace {

Result<Report> report_from_summary(const json& summary, const std::string& file) {
  const auto reading = "read " + file;
  if (!summary.is_object()) return fail(reading, "not a JSON object");
  if (summary.value("schema", "") != "dextqual-report/1") {
    return fail(reading, "schema is " + (summary.contains("schema") ? summary["schema"].dump() : "missing") +
                             ", expected \"dextqual-report/1\"");
  }
  if (!summary.contains("tests") || !summary["tests"].is_array()) return fail(reading, "no \"tests\" array");
  Report report;
  report.run = run_from_json(summary.value("run", json::object()));
  report.dut = dut_from_json(summary.value("dut", json::object()));
  // Suites in the order the run had them, each with its binary; a test naming another suite adds it.
  std::map<std::string, std::size_t> index;
  for (const auto& suite : summary.value("suites", json::array())) {
    if (!suite.is_object()) continue;
    index[suite.value("name", "")] = report.suites.size();
    report.suites.push_back({suite.value("name", ""), suite.value("binary", ""), {}});
  }
  for (const auto& entry : summary["tests"]) {
    auto test = test_from_json(entry);
    if (!test) return fail(reading, test.error().message());
    auto [it, added] = index.try_emplace(test->suite, report.suites.size());
    if (added) report.suites.push_back({test->suite, "", {}});
    report.suites[it->second].tests.push_back(std::move(*test));
  }
  if (summary.contains("command_histogram")) {
    report.commands = commands_from_json(summary["command_histogram"].value("commands", json::array()));
  }
  return report;
}

}  // namespace

Result<LoadedRun> load_run(const std::filesystem::path& dir_or_summary) {
  std::error_code ec;
  // A path that does not exist is read as the report directory it most likely meant.
  const bool directory =
      std::filesystem::is_directory(dir_or_summary, ec) ||
      (!std::filesystem::exists(dir_or_summary, ec) && dir_or_summary.extension() != ".json");
  const auto file = directory ? dir_or_summary / "summary.json" : dir_or_summary;
  std::ifstream in(file);
  if (!in) {
    return fail_errno("open " + file.string(), errno,
                      "give a report directory holding summary.json, or its path");
  }
  json summary;
  try {
    summary = json::parse(in);
  } catch (const json::exception& e) {
    return fail("read " + file.string(), std::string("not valid JSON: ") + e.what());
  }
  try {
    DQ_TRY_ASSIGN(auto report, report_from_summary(summary, file.string()));
    LoadedRun run{file, "", std::move(report)};
    run.label = run_label(run.report);
    return run;
  } catch (const json::exception& e) {  // a field of the wrong type somewhere in "run" or "dut"
    return fail("read " + file.string(), e.what());
  }
}

Result<std::vector<LoadedRun>> load_runs(const std::vector<std::filesystem::path>& paths) {
  std::vector<LoadedRun> runs;
  for (const auto& path : paths) {
    auto run = load_run(path);
    if (!run) return std::unexpected(run.error());
    runs.push_back(std::move(*run));
  }
  make_labels_unique(runs);
  return runs;
}

std::string run_label(const Report& report) {
  const auto& properties = report.run.properties;
  std::string station = report.run.hostname;
  for (const char* key : {"station", "station.name"}) {
    if (auto it = properties.find(key); it != properties.end() && !it->second.empty()) station = it->second;
  }
  std::string dut = report.dut.product.empty() ? report.dut.kind : report.dut.product;
  if (dut.empty()) dut = report.dut.node.empty() ? "no DUT" : report.dut.node;
  const std::string variant = report.dut.profile.empty() ? report.run.id : report.dut.profile;
  return (station.empty() ? "unknown host" : station) + ":" + dut +
         (variant.empty() ? "" : " [" + variant + "]");
}

void make_labels_unique(std::vector<LoadedRun>& runs) {
  std::map<std::string, int> seen;
  for (const auto& run : runs) ++seen[run.label];
  for (auto& run : runs) {
    if (seen[run.label] > 1 && !run.report.run.id.empty()) run.label += " (run " + run.report.run.id + ")";
  }
  std::map<std::string, int> taken;
  for (auto& run : runs) {
    const int n = ++taken[run.label];
    if (n > 1) run.label += " #" + std::to_string(n);
  }
}

std::string test_key(const TestResult& test) { return test.suite + " :: " + test.name; }

json render_merge_summary(const std::vector<LoadedRun>& runs) {
  json listed = json::array();
  std::vector<std::string> keys;
  std::set<std::string> known;
  std::map<std::string, json> rows;
  for (const auto& run : runs) {
    const auto counts = run.report.counts();
    listed.push_back({{"label", run.label},
                      {"summary", run.summary.string()},
                      {"run", to_json(run.report.run)},
                      {"dut", to_json(run.report.dut)},
                      {"counts",
                       {{"passed", counts.passed},
                        {"failed", counts.failed},
                        {"skipped", counts.skipped},
                        {"expected_failures", counts.expected_failures},
                        {"warnings", counts.warnings}}}});
    for (const auto& suite : run.report.suites) {
      for (const auto& test : suite.tests) {
        const auto key = test_key(test);
        if (known.insert(key).second) keys.push_back(key);
        rows[key][run.label] = {{"verdict", std::string(label(test.verdict))},
                                {"failure", is_failure(test.verdict)},
                                {"message", test.message}};
      }
    }
  }
  json matrix = json::array();
  for (const auto& key : keys) matrix.push_back({{"test", key}, {"runs", rows[key]}});
  return {{"schema", "dextqual-merge/1"}, {"runs", listed}, {"matrix", matrix}};
}

int merged_exit_code(const std::vector<LoadedRun>& runs) {
  for (const auto& run : runs) {
    if (run.report.counts().failed > 0) return 1;
  }
  return 0;
}

Status write_merged_reports(const std::vector<LoadedRun>& runs, const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return fail("create " + out_dir.string(), ec.message());
  std::vector<LabelledReport> labelled;
  for (const auto& run : runs) labelled.push_back({run.label, &run.report});
  DQ_TRY(write_file_atomically(out_dir / "junit.xml", render_junit(labelled)));
  DQ_TRY(write_file_atomically(out_dir / "report.html", render_merge_html(runs)));
  DQ_TRY(write_file_atomically(out_dir / "summary.json", dump_safely(render_merge_summary(runs), 2) + "\n"));
  return {};
}

}  // namespace dextqual::reports
