#include "buffered/sweep_report.h"

#include "limits/limits_checker.h"

namespace dextqual::buffered {

std::string summarize_sizes(const std::vector<SizeOutcome>& outcomes) {
  const SizeOutcome* smallest_failure = nullptr;
  const SizeOutcome* largest_pass = nullptr;
  for (const auto& o : outcomes) {
    if (!o.passed && (smallest_failure == nullptr || o.size < smallest_failure->size)) {
      smallest_failure = &o;
    }
  }
  if (smallest_failure == nullptr) {
    return "";
  }
  for (const auto& o : outcomes) {
    if (o.passed && o.size < smallest_failure->size &&
        (largest_pass == nullptr || o.size > largest_pass->size)) {
      largest_pass = &o;
    }
  }
  std::string text;
  if (largest_pass != nullptr) {
    text = limits::format_bytes(largest_pass->size) + " verifies, " +
           limits::format_bytes(smallest_failure->size) + " does not";
  } else {
    text = limits::format_bytes(smallest_failure->size) + " does not verify (the smallest size tried)";
  }
  text += "\n";
  for (const auto& o : outcomes) {
    text += "  " + limits::format_bytes(o.size) + ": " + (o.passed ? "verified" : o.detail) + "\n";
  }
  return text;
}

}  // namespace dextqual::buffered
