#include "reports/failure_causes.h"

#include <algorithm>
#include <regex>

#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

constexpr std::size_t kMaxCause = 240;
constexpr std::size_t kErrnoLines = 3;  // an errno further down is a hint or a prediction, not the cause

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

// "../suites/rawio/x_test.cpp:40", "x.cpp:40: Failure", "unknown file: Failure".
bool is_location(const std::string& line) {
  static const std::regex location(R"(^(\S+:\d+(: Failure)?|unknown file: Failure)$)");
  return std::regex_match(line, location);
}

bool starts_with_any(const std::string& line, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](auto prefix) { return line.starts_with(prefix); });
}

}  // namespace

std::vector<std::string> diagnosis_lines(std::string_view failure_text) {
  std::vector<std::string> lines;
  bool in_operands = false;  // after "Expected equality of these values:", the indented operands
  std::size_t begin = 0;
  while (begin <= failure_text.size()) {
    auto end = failure_text.find('\n', begin);
    if (end == std::string_view::npos) end = failure_text.size();
    const std::string_view raw = failure_text.substr(begin, end - begin);
    begin = end + 1;
    const bool indented = raw.starts_with("  ");
    const std::string line = trimmed(raw);
    if (line.empty()) continue;
    if (line == "Google Test trace:") break;  // SCOPED_TRACE lines: "file:line: cycle 1 of 2"
    if (in_operands && indented) continue;
    in_operands = false;
    if (line == "Expected equality of these values:" || line == "With diff:") {
      in_operands = true;
      continue;
    }
    if (is_location(line) || line == "Failed" ||
        starts_with_any(line, {"Value of: ", "Actual: ", "Expected: ", "Which is: ", "Actual function call",
                               "Expected function call", "Expected arg #"})) {
      continue;
    }
    lines.push_back(line);
  }
  return lines;
}

std::string failure_cause(const TestResult& test) {
  const std::string& text = test.detail.empty() ? test.message : test.detail;
  auto lines = diagnosis_lines(text);
  if (lines.empty()) {
    // Nothing but the assertion: then what it checked is the best we have, "zero_fill(...) is false".
    static const std::regex value_of(R"(Value of: (.+)\n\s*Actual: ([^\n]+))");
    if (std::smatch match; std::regex_search(text, match, value_of)) {
      return first_line(match[1].str() + " is " + match[2].str(), kMaxCause);
    }
    const auto message = first_line(test.message, kMaxCause);
    if (!message.empty()) return message;
    return test.kind.empty() ? std::string(label(test.verdict)) : test.kind;
  }
  // "the published transfer limits are inconsistent:" says little without the line it introduces.
  std::string cause = lines[0];
  if (cause.ends_with(':') && lines.size() > 1) cause += " " + lines[1];
  return first_line(cause, kMaxCause);
}

std::string cause_key(std::string_view cause) {
  std::string key(cause);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  // Errno spellings: "Input/output error", "errno 5", "EIO (Input/output error, errno 5)" are one.
  static const std::vector<std::pair<std::regex, std::string>> rules = {
      {std::regex(R"(eio \(input/output error, errno 5\)|input/output error|errno 5\b)"), "eio"},
      {std::regex(R"(no space left on device|errno 28\b)"), "enospc"},
      {std::regex(R"(no such device(?! or)|errno 19\b)"), "enodev"},
      {std::regex(R"(no such device or address|errno 6\b)"), "enxio"},
      {std::regex(R"(invalid argument|errno 22\b)"), "einval"},
      // Asides in parentheses vary between otherwise equal causes: "(9 sizes fail)", "(bound by ...)".
      {std::regex(R"(\s*\([^()]*\))"), ""},
      {std::regex(R"(\s(/[^\s:,;()'"]+))"), " <path>"},
      {std::regex(R"(\b0x[0-9a-f]+\b)"), "#"},
      // A number with its unit, or a size with its fraction: "66048 b", "128 kib", "1.5 gib", "250 ms".
      {std::regex(R"(\b\d+(\.\d+)?( ?(b|bytes?|kib|mib|gib|tib|kb|mb|gb|k|m|g|ms|s|sectors?|blocks?|%))?\b)"),
       "#"},
      {std::regex(R"(\s+)"), " "},
  };
  for (const auto& [pattern, replacement] : rules) key = std::regex_replace(key, pattern, replacement);
  return trimmed(key);
}

std::string errno_named(std::string_view failure_text) {
  // The spellings the suites and the tools they run use: "EIO (Input/output error, errno 5)",
  // "Input/output error", "error 5 (Input/output error)", "errno 5".
  static const std::vector<std::pair<std::regex, std::string>> errnos = {
      {std::regex(R"(\bEIO\b|input/output error|\berrno 5\b)", std::regex::icase), "EIO"},
      {std::regex(R"(\bENOSPC\b|no space left on device|\berrno 28\b)", std::regex::icase), "ENOSPC"},
      {std::regex(R"(\bENXIO\b|no such device or address|\berrno 6\b)", std::regex::icase), "ENXIO"},
      {std::regex(R"(\bENODEV\b|no such device\b(?! or)|\berrno 19\b)", std::regex::icase), "ENODEV"},
      {std::regex(R"(\bETIMEDOUT\b|connection timed out|\berrno 110\b)", std::regex::icase), "ETIMEDOUT"},
      {std::regex(R"(\bEROFS\b|read-only file system|\berrno 30\b)", std::regex::icase), "EROFS"},
  };
  const auto lines = diagnosis_lines(failure_text);
  std::string head;
  for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), kErrnoLines); ++i) head += lines[i] + "\n";
  std::string found;
  auto earliest = head.size();
  for (const auto& [pattern, name] : errnos) {
    std::smatch match;
    if (std::regex_search(head, match, pattern) && static_cast<std::size_t>(match.position(0)) < earliest) {
      earliest = static_cast<std::size_t>(match.position(0));
      found = name;
    }
  }
  return found;
}

namespace {

// A sweep that found its cliff says the most about an errno group: it leads when there is one.
bool has_failed_sweep(const TestResult& test) {
  return std::any_of(test.measurements.begin(), test.measurements.end(),
                     [](const auto& m) { return m.name.starts_with("sweep_ok.") && m.value == 0; });
}

}  // namespace

std::vector<CauseGroup> group_failures(const Report& report) {
  std::vector<CauseGroup> groups;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (!is_failure(test.verdict)) continue;
      auto cause = failure_cause(test);
      auto error = errno_named(test.detail.empty() ? test.message : test.detail);
      auto key = error.empty() ? cause_key(cause) : "errno " + error;
      auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.key == key; });
      if (group == groups.end()) {
        groups.push_back({std::move(cause), std::move(key), std::move(error), {}});
        group = groups.end() - 1;
      } else if (has_failed_sweep(test) && !std::any_of(group->tests.begin(), group->tests.end(),
                                                        [](const auto* t) { return has_failed_sweep(*t); })) {
        group->cause = std::move(cause);
      }
      group->tests.push_back(&test);
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.tests.size() > b.tests.size(); });
  return groups;
}

}  // namespace dextqual::reports
