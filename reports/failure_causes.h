// Failures grouped by cause, so a report leads with the diagnosis ("write: EIO at 128 KiB, 64 KiB
// works") once and lists the two dozen tests that share it, instead of two dozen copies of
// GoogleTest's "Value of: … Actual: … Expected: …" each followed by the same sentence.
//
// Failures whose diagnosis (its first three lines) names an errno group by that errno: under F2 the
// same EIO reaches mkfs, fio, the persistence writes and the raw sweep, each in its own words, and
// it is one cause. The group's heading is then the cause of its sweep when one failed (it names the
// cliff: "write: EIO at 66048 B, 64 KiB works"), else of its first test; each test keeps its own line.
//
// Otherwise the cause of a failure is the first line of its failure text that is not GoogleTest boilerplate
// (file:line, "Value of:", "Actual:", "Expected:", "Which is:", "Expected equality of these values:"
// and its operands, "Google Test trace:" and what follows). Failures group by that line normalised:
// numbers with their units, hex, and paths become placeholders, asides in parentheses go, and errno
// spellings become the errno name, so "EIO at 66048 B (9 sizes fail)" and "EIO at 128 KiB" are one
// cause, "Input/output error" is EIO.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/report.h"

namespace dextqual::reports {

// The diagnosis line of one failure (the message when no non-boilerplate line is left; the kind,
// e.g. "timeout", when there is no text at all).
[[nodiscard]] std::string failure_cause(const TestResult& test);

// The text without GoogleTest's assertion boilerplate, one line per remaining line.
[[nodiscard]] std::vector<std::string> diagnosis_lines(std::string_view failure_text);

// What groups: lower case, errnos named, asides in parentheses dropped, numbers (with units) and hex
// as "#", paths as "<path>".
[[nodiscard]] std::string cause_key(std::string_view cause);

// "EIO" when the first lines of the text name one of the errnos I/O failures report, else "".
[[nodiscard]] std::string errno_named(std::string_view failure_text);

struct CauseGroup {
  std::string cause;  // the heading: the failed sweep's cause line, else the first member's
  std::string key;
  std::string error;                     // the errno the group shares ("EIO"), or ""
  std::vector<const TestResult*> tests;  // in report order
};

// Every failing test of the report, grouped; the largest group first, ties in report order.
[[nodiscard]] std::vector<CauseGroup> group_failures(const Report& report);

}  // namespace dextqual::reports
