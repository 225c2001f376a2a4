// What a fault profile promises to `dextqual selftest` (its [selftest] table, fixtures/faults/README.md):
// the claims (tests that must end with a verdict and a failure message of a given kind), the collateral
// (every other test the fault breaks, listed so that a change in what it breaks shows in review), and,
// in clean.toml only, the skips that are allowed on a conforming device with their reasons. Read
// strictly: an unknown key, an unknown verdict, a pattern without a suite or a message that is not a
// valid regular expression is an error naming the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "reports/verdict.h"
#include "runner/exit_status.h"
#include "runner/failure_pattern.h"

namespace dextqual::runner {

// One "suite:gtest-filter" pattern with the verdict its tests end with and, optionally, what their
// message must say (a FailurePattern: case-insensitive, searched in the message).
struct TestExpectation {
  std::string suite;
  std::string filter;
  reports::Verdict verdict = reports::Verdict::fail;
  std::string message_pattern;  // empty: any message
  FailurePattern message{};
  std::string why;  // collateral and allowed skips: the reason, in words

  [[nodiscard]] std::string pattern() const { return suite + ":" + filter; }
  [[nodiscard]] bool accepts(const std::string& test_suite, const std::string& test_name,
                             reports::Verdict test_verdict, const std::string& test_message) const;
  [[nodiscard]] bool selects(const std::string& test_suite, const std::string& test_name) const;
};

struct SelftestSpec {
  std::filesystem::path path;
  std::string name;          // the file's stem
  std::string field_report;  // [profile] field_report, e.g. "F1" (may be empty)
  std::string description;   // [profile] description
  std::vector<TestExpectation> claims;
  std::vector<TestExpectation> collateral;
  std::vector<TestExpectation> allowed_skips;  // clean.toml only
  std::optional<double> timeout_per_test_s;

  [[nodiscard]] bool is_clean() const { return claims.empty(); }
};

[[nodiscard]] CommandResult<SelftestSpec> read_selftest_spec(const std::filesystem::path& profile);

}  // namespace dextqual::runner
