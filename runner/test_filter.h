// GoogleTest-style test filters, so that `--filter` and the selftest's claim patterns mean
// exactly what they would mean to a suite binary's own --gtest_filter: ':'-separated glob patterns
// (`*`, `?`), then optionally '-' and ':'-separated negative patterns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dextqual::runner {

class TestFilter {
 public:
  TestFilter() = default;  // matches everything
  explicit TestFilter(std::string_view filter);

  [[nodiscard]] bool matches(std::string_view test_name) const;

 private:
  std::vector<std::string> positive_;
  std::vector<std::string> negative_;
};

[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text);

// "rawio:*TransferSize*" -> {"rawio", "*TransferSize*"}; no colon -> every suite ("*").
struct SuiteTestPattern {
  std::string suite;
  std::string filter;
};
[[nodiscard]] SuiteTestPattern split_suite_pattern(std::string_view text);

}  // namespace dextqual::runner
