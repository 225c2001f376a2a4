#include "reports/junit_writer.h"

#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "core/atomic_file.h"
#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

// JUnit's time attribute: seconds with three decimals, never negative.
std::string junit_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds < 0 ? 0.0 : seconds);
  return text;
}

void set(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void add_property(pugi::xml_node properties, const std::string& name, std::string_view value) {
  auto property = properties.append_child("property");
  set(property, "name", name);
  set(property, "value", value);
}

// The element that carries the verdict, or none for a pass (JUNIT.md §4 table).
void add_verdict(pugi::xml_node testcase, const TestResult& test) {
  const char* element = nullptr;
  std::string type = test.kind;
  switch (test.verdict) {
    case Verdict::pass:
    case Verdict::xfail:
      return;
    case Verdict::skipped:
      element = "skipped";
      break;
    case Verdict::fail:
      element = "failure";
      if (type.empty()) type = "assertion";
      break;
    case Verdict::xpass:
      element = "failure";
      type = "xpass";
      break;
    case Verdict::timeout:
      element = "error";
      type = "timeout";
      break;
    case Verdict::unresolved:
      element = "error";
      type = "unresolved";
      break;
    case Verdict::device_lost:
      element = "error";
      type = "device-lost";
      break;
    case Verdict::error:
      element = "error";
      if (type.empty()) type = "error";
      break;
  }
  auto node = testcase.append_child(element);
  const std::string message = std::string(label(test.verdict)) + ": " + first_line(test.message);
  set(node, "message", message);
  if (test.verdict == Verdict::skipped) return;
  set(node, "type", type);
  std::string body = test.detail.empty() ? test.message : test.detail;
  if (!test.reproducer.empty()) body += "\n\nReproduce: " + test.reproducer + "\n";
  node.text().set(xml_safe(head_and_tail(body, 16 * 1024)).c_str());
}

std::string system_out(const TestResult& test, const JunitOptions& options) {
  std::ostringstream out;
  out << "verdict: " << label(test.verdict) << "\n";
  for (const auto& [name, value] : test.properties) out << "[[PROPERTY|" << name << "=" << value << "]]\n";
  for (const auto& finding : test.findings) out << "integrity: " << finding.description << "\n";
  if (!test.log_file.empty()) {
    out << "[[ATTACHMENT|" << options.attachment_prefix << test.log_file << "]]\n";
  }
  // A passing test's log is in its log file; the report carries the logs that explain a failure.
  if (is_failure(test.verdict) && !test.log.empty()) {
    out << "---- log ----\n" << head_and_tail(test.log, options.log_limit, test.log_file);
  }
  return xml_safe(out.str());
}

void add_suite(pugi::xml_node root, const Report& report, const SuiteReport& suite, const std::string& label,
               const JunitOptions& options) {
  const std::string prefix = label.empty() ? "" : label + " / ";
  auto node = root.append_child("testsuite");
  int failures = 0;
  int errors = 0;
  int skipped = 0;
  double seconds = 0;
  for (const auto& test : suite.tests) {
    seconds += test.seconds;
    if (test.verdict == Verdict::skipped) {
      ++skipped;
    } else if (test.verdict == Verdict::fail || test.verdict == Verdict::xpass) {
      ++failures;
    } else if (is_failure(test.verdict)) {
      ++errors;
    }
  }
  set(node, "name", prefix + suite.name);
  set(node, "tests", std::to_string(suite.tests.size()));
  set(node, "failures", std::to_string(failures));
  set(node, "errors", std::to_string(errors));
  set(node, "skipped", std::to_string(skipped));
  set(node, "time", junit_seconds(seconds));
  set(node, "timestamp", suite.tests.empty() ? report.run.started_at : suite.tests.front().started_at);
  set(node, "hostname", report.run.hostname);

  auto properties = node.append_child("properties");
  add_property(properties, "dextqual.version", report.run.version);
  if (!label.empty()) add_property(properties, "run.label", label);
  add_property(properties, "run.id", report.run.id);
  add_property(properties, "run.status", report.run.status);
  add_property(properties, "run.command", report.run.command_line);
  for (const auto& [name, value] : report.run.properties) add_property(properties, "run." + name, value);
  add_property(properties, "suite.binary", suite.binary);
  add_property(properties, "dut.kind", report.dut.kind);
  add_property(properties, "dut.node", report.dut.node);
  add_property(properties, "dut.vendor", report.dut.vendor);
  add_property(properties, "dut.product", report.dut.product);
  add_property(properties, "dut.revision", report.dut.revision);
  add_property(properties, "dut.serial", report.dut.serial);
  add_property(properties, "dut.wwn", report.dut.wwn);
  add_property(properties, "dut.capacity_bytes", std::to_string(report.dut.capacity_bytes));
  if (!report.dut.profile.empty()) add_property(properties, "dut.profile", report.dut.profile);

  for (const auto& test : suite.tests) {
    auto testcase = node.append_child("testcase");
    set(testcase, "name", test.case_name().empty() ? std::string("[unnamed]") : test.case_name());
    set(testcase, "classname", prefix + test.classname());
    set(testcase, "time", junit_seconds(test.seconds));
    add_verdict(testcase, test);
    testcase.append_child("system-out").text().set(system_out(test, options).c_str());
  }
}

}  // namespace

std::string render_junit(const Report& report, const JunitOptions& options) {
  return render_junit(std::vector<LabelledReport>{{"", &report}}, options);
}

std::string render_junit(const std::vector<LabelledReport>& runs, const JunitOptions& options) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto root = document.append_child("testsuites");
  double seconds = 0;
  int tests = 0;
  int failures = 0;
  int failed = 0;
  for (const auto& run : runs) {
    failed += run.report->counts().failed;
    for (const auto& suite : run.report->suites) {
      for (const auto& test : suite.tests) {
        seconds += test.seconds;
        ++tests;
        if (test.verdict == Verdict::fail || test.verdict == Verdict::xpass) ++failures;
      }
    }
  }
  set(root, "name", "dextqual");
  set(root, "tests", std::to_string(tests));
  set(root, "failures", std::to_string(failures));
  set(root, "errors", std::to_string(failed - failures));
  set(root, "time", junit_seconds(seconds));
  for (const auto& run : runs) {
    for (const auto& suite : run.report->suites) add_suite(root, *run.report, suite, run.label, options);
  }
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

Status write_junit(const std::filesystem::path& path, const Report& report, const JunitOptions& options) {
  return write_file_atomically(path, render_junit(report, options));
}

}  // namespace dextqual::reports
