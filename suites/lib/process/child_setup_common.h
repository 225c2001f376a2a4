// The part of close_descriptors_except() both platforms share: walking the gaps between the kept
// descriptors in ascending order without allocating. `close_range(first, last)` closes [first, last].
#pragma once

#include <climits>
#include <cstddef>

namespace dextqual::process::detail {

template <class CloseRange>
void close_gaps(const int* keep, std::size_t count, CloseRange close_range) {
  int next_open = 3;
  while (true) {
    int next_kept = INT_MAX;
    for (std::size_t i = 0; i < count; ++i) {
      if (keep[i] >= next_open && keep[i] < next_kept) next_kept = keep[i];
    }
    if (next_kept == INT_MAX) {
      close_range(next_open, INT_MAX);
      return;
    }
    if (next_kept > next_open) close_range(next_open, next_kept - 1);
    next_open = next_kept + 1;
  }
}

}  // namespace dextqual::process::detail
