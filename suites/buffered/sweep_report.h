// The sentence a buffered sweep failure starts with: "128 MiB verifies, 256 MiB does not" (F1 flipped
// between exactly those), followed by each size's outcome.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dextqual::buffered {

struct SizeOutcome {
  std::uint64_t size = 0;
  bool passed = true;
  std::string detail;
};

// "" when every size passed.
[[nodiscard]] std::string summarize_sizes(const std::vector<SizeOutcome>& outcomes);

}  // namespace dextqual::buffered
