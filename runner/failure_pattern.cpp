#include "runner/failure_pattern.h"

#include <re2/re2.h>

#include <algorithm>

namespace dextqual::runner {

Result<FailurePattern> FailurePattern::compile(const std::string& pattern) {
  FailurePattern compiled;
  compiled.text_ = pattern;
  if (pattern.empty()) return compiled;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  // Test output may hold any byte; a pattern is matched byte for byte, as UTF-8 where it is.
  options.set_encoding(RE2::Options::EncodingLatin1);
  auto re = std::make_shared<const re2::RE2>(pattern, options);
  if (!re->ok()) return fail("failure pattern /" + pattern + "/", "not a regular expression: " + re->error());
  compiled.compiled_ = std::move(re);
  return compiled;
}

bool FailurePattern::matches(std::string_view message, std::string_view detail) const {
  if (!compiled_) return true;
  std::string text;
  text.reserve(message.size() + detail.size() + 1);
  text.append(message);
  if (!detail.empty()) text.append(" ").append(detail);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return RE2::PartialMatch(text, *compiled_);
}

}  // namespace dextqual::runner
