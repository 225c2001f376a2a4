#include "reports/report_json.h"

namespace dextqual::reports {

using nlohmann::json;

json to_json(const TestResult& test) {
  json measurements = json::array();
  for (const auto& m : test.measurements) measurements.push_back({{"name", m.name}, {"value", m.value}});
  json findings = json::array();
  for (const auto& f : test.findings)
    findings.push_back(f.detail.empty() ? json{{"first_lba", f.first_lba},
                                               {"sectors", f.sectors},
                                               {"class", f.finding_class},
                                               {"description", f.description}}
                                        : f.detail);
  return {{"suite", test.suite},
          {"name", test.name},
          {"verdict", std::string(label(test.verdict))},
          {"failure", is_failure(test.verdict)},
          {"kind", test.kind},
          {"message", test.message},
          {"detail", test.detail},
          {"log", test.log},
          {"log_file", test.log_file},
          {"reproducer", test.reproducer},
          {"seconds", test.seconds},
          {"started_at", test.started_at},
          {"properties", test.properties},
          {"measurements", measurements},
          {"findings", findings}};
}

Result<TestResult> test_from_json(const json& j) {
  if (!j.is_object() || !j.contains("suite") || !j.contains("name") || !j.contains("verdict")) {
    return fail("read test result", "needs suite, name and verdict");
  }
  TestResult test;
  try {
    test.suite = j.at("suite").get<std::string>();
    test.name = j.at("name").get<std::string>();
    const auto verdict = verdict_from_label(j.at("verdict").get<std::string>());
    if (!verdict) return fail("read test result", "unknown verdict " + j.at("verdict").dump());
    test.verdict = *verdict;
    test.kind = j.value("kind", "");
    test.message = j.value("message", "");
    test.detail = j.value("detail", "");
    test.log = j.value("log", "");
    test.log_file = j.value("log_file", "");
    test.reproducer = j.value("reproducer", "");
    test.seconds = j.value("seconds", 0.0);
    test.started_at = j.value("started_at", "");
    test.properties = j.value("properties", std::map<std::string, std::string>{});
    for (const auto& m : j.value("measurements", json::array())) {
      test.measurements.push_back({m.value("name", ""), m.value("value", 0.0)});
    }
    for (const auto& f : j.value("findings", json::array())) test.findings.push_back(finding_from_json(f));
  } catch (const json::exception& e) {
    return fail("read test result " + test.name, e.what());
  }
  return test;
}

json to_json(const RunInfo& run) {
  return {{"id", run.id},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"hostname", run.hostname},
          {"version", run.version},
          {"command_line", run.command_line},
          {"state_dir", run.state_dir},
          {"status", run.status},
          {"properties", run.properties}};
}

RunInfo run_from_json(const json& j) {
  RunInfo run;
  run.id = j.value("id", "");
  run.started_at = j.value("started_at", "");
  run.finished_at = j.value("finished_at", "");
  run.hostname = j.value("hostname", "");
  run.version = j.value("version", "");
  run.command_line = j.value("command_line", "");
  run.state_dir = j.value("state_dir", "");
  run.status = j.value("status", "running");
  run.properties = j.value("properties", std::map<std::string, std::string>{});
  return run;
}

json to_json(const DutInfo& dut) {
  return {{"kind", dut.kind},
          {"node", dut.node},
          {"vendor", dut.vendor},
          {"product", dut.product},
          {"revision", dut.revision},
          {"serial", dut.serial},
          {"wwn", dut.wwn},
          {"capacity_bytes", dut.capacity_bytes},
          {"logical_block_size", dut.logical_block_size},
          {"profile", dut.profile}};
}

DutInfo dut_from_json(const json& j) {
  DutInfo dut;
  dut.kind = j.value("kind", "");
  dut.node = j.value("node", "");
  dut.vendor = j.value("vendor", "");
  dut.product = j.value("product", "");
  dut.revision = j.value("revision", "");
  dut.serial = j.value("serial", "");
  dut.wwn = j.value("wwn", "");
  dut.capacity_bytes = j.value("capacity_bytes", std::uint64_t{0});
  dut.logical_block_size = j.value("logical_block_size", std::uint32_t{0});
  dut.profile = j.value("profile", "");
  return dut;
}

json to_json(const SelftestRow& row) {
  json cells = json::object();
  for (const auto& [suite, cell] : row.cells) {
    cells[suite] = {{"expected", cell.expected},
                    {"failed", cell.failed},
                    {"matches", cell.matches},
                    {"note", cell.note},
                    {"checked", cell.checked}};
  }
  return {{"profile", row.profile}, {"matches", row.matches}, {"suites", cells}};
}

SelftestRow selftest_row_from_json(const json& j) {
  SelftestRow row;
  row.profile = j.value("profile", "");
  row.matches = j.value("matches", false);
  // Named, not iterated as a temporary: items() refers to the object, which a range-for over
  // value(...).items() would destroy before the loop body (GCC saw it as uninitialized reads).
  const json suites = j.value("suites", json::object());
  for (const auto& [suite, cell] : suites.items()) {
    row.cells[suite] = SelftestCell{
        cell.value("expected", std::vector<std::string>{}), cell.value("failed", std::vector<std::string>{}),
        cell.value("matches", false), cell.value("note", ""), cell.value("checked", true)};
  }
  return row;
}

IntegrityFinding finding_from_json(const json& j) {
  IntegrityFinding finding;
  if (!j.is_object()) return finding;
  finding.first_lba = j.value("first_lba", std::uint64_t{0});
  finding.sectors = j.value("sectors", std::uint64_t{0});
  finding.finding_class = j.value("class", "");
  finding.description = j.value("description", "");
  finding.detail = j;
  return finding;
}

std::string dump_safely(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace dextqual::reports
