// What a failure must say: the one pattern language of the project for "this test fails this way",
// used by fault profiles' selftest claims and collateral (selftest_spec.h) and by per-DUT expectations
// (expectations.h). A pattern is a regular expression in RE2's syntax (ECMAScript's, less lookaround
// and backreferences), case-insensitive, searched in the failure's message and detail joined into one
// line: a message spans lines (expected/actual, sector ranges) and a pattern should not care.
//
// RE2, not std::regex: the text is what a test printed, of any length, and std::regex's engines
// recurse once per character (a long line overflows the stack); RE2 runs in linear time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace re2 {
class RE2;
}

namespace dextqual::runner {

class FailurePattern {
 public:
  FailurePattern() = default;  // empty: matches any failure
  // An error naming what is wrong with the pattern (RE2's own words).
  [[nodiscard]] static Result<FailurePattern> compile(const std::string& pattern);

  [[nodiscard]] bool empty() const { return text_.empty(); }
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] bool matches(std::string_view message, std::string_view detail = {}) const;

 private:
  std::string text_;
  std::shared_ptr<const re2::RE2> compiled_;  // shared: an expectation is copied with its spec
};

}  // namespace dextqual::runner
