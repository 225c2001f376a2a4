#include "reports/json_summary.h"

#include "core/atomic_file.h"
#include "reports/command_histogram.h"
#include "reports/report_json.h"

namespace dextqual::reports {

using nlohmann::json;

namespace {

json counts_json(const Counts& counts) {
  return {{"passed", counts.passed},
          {"failed", counts.failed},
          {"skipped", counts.skipped},
          {"expected_failures", counts.expected_failures},
          {"warnings", counts.warnings}};
}

}  // namespace

json render_json_summary(const Report& report) {
  const auto counts = report.counts();
  json by_verdict = json::object();
  for (const auto& [verdict, n] : counts.by_verdict) by_verdict[std::string(label(verdict))] = n;
  json tests = json::array();
  json findings = json::array();
  json measurements = json::array();
  json warnings = json::array();
  json suites = json::array();
  for (const auto& suite : report.suites) {
    json suite_entry = {{"name", suite.name}, {"binary", suite.binary}, {"tests", suite.tests.size()}};
    suite_entry.update(counts_json(count(suite.tests)));
    suites.push_back(std::move(suite_entry));
    for (const auto& test : suite.tests) {
      auto entry = to_json(test);
      entry.erase("log");
      tests.push_back(std::move(entry));
      for (const auto& finding : test.findings) {
        findings.push_back({{"suite", test.suite},
                            {"test", test.name},
                            {"first_lba", finding.first_lba},
                            {"sectors", finding.sectors},
                            {"class", finding.finding_class},
                            {"description", finding.description}});
      }
      for (const auto& warning : test.warnings()) {
        warnings.push_back({{"suite", test.suite}, {"test", test.name}, {"warning", warning}});
      }
      for (const auto& m : test.measurements) {
        measurements.push_back(
            {{"suite", test.suite}, {"test", test.name}, {"name", m.name}, {"value", m.value}});
      }
    }
  }
  json counts_entry = counts_json(counts);
  counts_entry["by_verdict"] = by_verdict;
  json summary = {{"schema", "dextqual-report/1"},
                  {"run", to_json(report.run)},
                  {"dut", to_json(report.dut)},
                  {"counts", counts_entry},
                  {"suites", suites},
                  {"tests", tests},
                  {"findings", findings},
                  {"measurements", measurements},
                  {"warnings", warnings}};
  // Absent, not empty, when no trace exists (a real device): `dextqual diff` says so.
  if (report.commands) summary["command_histogram"] = {{"commands", to_json(*report.commands)}};
  if (!report.selftest.empty()) {
    json rows = json::array();
    for (const auto& row : report.selftest) rows.push_back(to_json(row));
    summary["selftest"] = rows;
  }
  return summary;
}

Status write_json_summary(const std::filesystem::path& path, const Report& report) {
  return write_file_atomically(path, dump_safely(render_json_summary(report), 2) + "\n");
}

}  // namespace dextqual::reports
