#include "runner/test_filter.h"

namespace dextqual::runner {
namespace {

std::vector<std::string> split_patterns(std::string_view text) {
  std::vector<std::string> patterns;
  while (!text.empty()) {
    const auto colon = text.find(':');
    auto piece = text.substr(0, colon);
    if (!piece.empty()) patterns.emplace_back(piece);
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
  }
  return patterns;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matcher with one backtrack point for the last '*': linear in practice.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

TestFilter::TestFilter(std::string_view filter) {
  const auto dash = filter.find('-');
  positive_ = split_patterns(filter.substr(0, dash));
  if (dash != std::string_view::npos) negative_ = split_patterns(filter.substr(dash + 1));
}

bool TestFilter::matches(std::string_view test_name) const {
  bool selected = positive_.empty();
  for (const auto& pattern : positive_) selected = selected || glob_match(pattern, test_name);
  if (!selected) return false;
  for (const auto& pattern : negative_) {
    if (glob_match(pattern, test_name)) return false;
  }
  return true;
}

SuiteTestPattern split_suite_pattern(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return {"*", std::string(text)};
  return {std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

}  // namespace dextqual::runner
