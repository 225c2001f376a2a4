#include "runner/failure_finding.h"

#include <vector>

namespace dextqual::runner {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    out += c;
    space = false;
  }
  return out;
}

std::string joined(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) text.append(lines[i]).append("\n");
  return collapse(text);
}

std::string either(const std::string& first, const std::string& second) {
  if (first.empty()) return second;
  if (second.empty()) return first;
  return first + "; " + second;
}

// "Value of: X\n  Actual: false (MESSAGE...)\nExpected: true\nUSER TEXT": MESSAGE (an AssertionResult's
// words, often several lines) and then the test's own words.
std::string from_value_of(const std::vector<std::string_view>& lines) {
  std::size_t actual = 1;
  while (actual < lines.size() && !lines[actual].starts_with("  Actual: ")) ++actual;
  std::size_t expected = actual;
  while (expected < lines.size() && !lines[expected].starts_with("Expected: ")) ++expected;
  if (actual >= lines.size() || expected >= lines.size()) return joined(lines, 0, lines.size());
  std::string result = joined(lines, actual, expected);
  result = result.substr(std::string_view("Actual: ").size());
  for (const std::string_view verdict : {std::string_view("false"), std::string_view("true")}) {
    if (result.starts_with(verdict)) result = result.substr(verdict.size());
  }
  if (result.starts_with(" (") && result.ends_with(")")) result = result.substr(2, result.size() - 3);
  return either(collapse(result), joined(lines, expected + 1, lines.size()));
}

// "Expected equality of these values:\n  lhs\n    Which is: v\n  rhs\n    Which is: w\nUSER TEXT": the
// test's words; without any, what differed.
std::string from_equality(const std::vector<std::string_view>& lines) {
  std::size_t end = 1;
  while (end < lines.size() && lines[end].starts_with("  ")) ++end;
  const std::string own = joined(lines, end, lines.size());
  const std::string values = joined(lines, 1, end);
  return own.empty() ? "not equal: " + values : own + " (" + values + ")";
}

// "Expected: (a) >= (b), actual: 1 vs 2\nUSER TEXT" and "Failed\nUSER TEXT".
std::string from_first_line_frame(const std::vector<std::string_view>& lines) {
  const std::string own = joined(lines, 1, lines.size());
  if (lines.front() == "Failed") return own.empty() ? "failed" : own;
  const std::string frame = collapse(lines.front());
  return own.empty() ? frame : own + " (" + frame + ")";
}

}  // namespace

std::string failure_finding(std::string_view block) {
  const auto lines = lines_of(block);
  if (lines.empty()) return "";
  if (lines.front().starts_with("Value of: ")) return from_value_of(lines);
  if (lines.front() == "Expected equality of these values:") return from_equality(lines);
  if (lines.front() == "Failed" || (lines.front().starts_with("Expected: (") &&
                                    lines.front().find(", actual: ") != std::string_view::npos)) {
    return from_first_line_frame(lines);
  }
  return joined(lines, 0, lines.size());
}

}  // namespace dextqual::runner
