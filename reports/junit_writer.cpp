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

// The element that carries a verdict (JUNIT.md §4 table), or nullptr for none (a pass). XFAIL is a
// skip, as pytest writes it: a CI that sees no element counts a pass, and an expected failure is not
// one; a skip is shown apart and its body names the failure. The suite's counts come from this too.
const char* verdict_element(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
    case Verdict::warn:  // passed every *shall*: the warnings are in system-out
      return nullptr;
    case Verdict::skipped:
    case Verdict::xfail:
      return "skipped";
    case Verdict::fail:
    case Verdict::xpass:
      return "failure";
    case Verdict::timeout:
    case Verdict::unresolved:
    case Verdict::device_lost:
    case Verdict::error:
      return "error";
  }
  return "error";
}

std::string element_type(const TestResult& test) {
  switch (test.verdict) {
    case Verdict::fail:
      return test.kind.empty() ? "assertion" : test.kind;
    case Verdict::error:
      return test.kind.empty() ? "error" : test.kind;
    case Verdict::xfail:
      return "xfail";
    case Verdict::xpass:
      return "xpass";
    case Verdict::timeout:
      return "timeout";
    case Verdict::unresolved:
      return "unresolved";
    case Verdict::device_lost:
      return "device-lost";
    default:
      return test.kind;
  }
}

void add_verdict(pugi::xml_node testcase, const TestResult& test) {
  const char* element = verdict_element(test.verdict);
  if (element == nullptr) return;
  auto node = testcase.append_child(element);
  if (test.verdict == Verdict::skipped) {
    set(node, "message", "SKIPPED: " + first_line(test.message));
    return;
  }
  set(node, "type", element_type(test));
  // An XFAIL's message is already its verdict in words ("expected failure (blame: driver): ...").
  set(node, "message",
      test.verdict == Verdict::xfail ? first_line(test.message)
                                     : std::string(label(test.verdict)) + ": " + first_line(test.message));
  std::string body = test.detail.empty() ? test.message : test.detail;
  if (!test.reproducer.empty()) body += "\n\nReproduce: " + test.reproducer + "\n";
  node.text().set(xml_safe(head_and_tail(body, 16 * 1024)).c_str());
}

// How many of the suite's tests carry each element, the suite's counts: derived from
// verdict_element() so an attribute never disagrees with the elements a consumer recounts.
struct ElementCounts {
  int failures = 0;
  int errors = 0;
  int skipped = 0;

  void add(Verdict verdict) {
    const char* element = verdict_element(verdict);
    if (element == nullptr) return;
    const std::string_view name = element;
    if (name == "failure") ++failures;
    if (name == "error") ++errors;
    if (name == "skipped") ++skipped;
  }
};

std::string system_out(const TestResult& test, const JunitOptions& options) {
  std::ostringstream out;
  out << "verdict: " << label(test.verdict) << "\n";
  // First, where GitLab and Jenkins (which keeps head and tail) show them; any verdict may carry them.
  for (const auto& warning : test.warnings()) out << "WARN: " << warning << "\n";
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
  ElementCounts counts;
  double seconds = 0;
  for (const auto& test : suite.tests) {
    seconds += test.seconds;
    counts.add(test.verdict);
  }
  set(node, "name", prefix + suite.name);
  set(node, "tests", std::to_string(suite.tests.size()));
  set(node, "failures", std::to_string(counts.failures));
  set(node, "errors", std::to_string(counts.errors));
  set(node, "skipped", std::to_string(counts.skipped));
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
  ElementCounts counts;
  for (const auto& run : runs) {
    for (const auto& suite : run.report->suites) {
      for (const auto& test : suite.tests) {
        seconds += test.seconds;
        ++tests;
        counts.add(test.verdict);
      }
    }
  }
  // No `skipped` here: junit-10.xsd allows it on <testsuite> only (consumers recount anyway).
  set(root, "name", "dextqual");
  set(root, "tests", std::to_string(tests));
  set(root, "failures", std::to_string(counts.failures));
  set(root, "errors", std::to_string(counts.errors));
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
