#include "reports/json_summary.h"

#include "core/atomic_file.h"
#include "reports/command_histogram.h"
#include "reports/report_json.h"

namespace dextqual::reports {

using nlohmann::json;

json render_json_summary(const Report& report) {
  const auto counts = report.counts();
  json by_verdict = json::object();
  for (const auto& [verdict, n] : counts.by_verdict) by_verdict[std::string(label(verdict))] = n;
  json tests = json::array();
  json findings = json::array();
  json measurements = json::array();
  json suites = json::array();
  for (const auto& suite : report.suites) {
    const auto suite_counts = count(suite.tests);
    suites.push_back({{"name", suite.name},
                      {"binary", suite.binary},
                      {"tests", suite.tests.size()},
                      {"passed", suite_counts.passed},
                      {"failed", suite_counts.failed},
                      {"skipped", suite_counts.skipped}});
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
      for (const auto& m : test.measurements) {
        measurements.push_back(
            {{"suite", test.suite}, {"test", test.name}, {"name", m.name}, {"value", m.value}});
      }
    }
  }
  json summary = {{"schema", "dextqual-report/1"},
                  {"run", to_json(report.run)},
                  {"dut", to_json(report.dut)},
                  {"counts",
                   {{"passed", counts.passed},
                    {"failed", counts.failed},
                    {"skipped", counts.skipped},
                    {"by_verdict", by_verdict}}},
                  {"suites", suites},
                  {"tests", tests},
                  {"findings", findings},
                  {"measurements", measurements}};
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
