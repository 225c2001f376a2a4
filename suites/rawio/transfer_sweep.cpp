#include "rawio/transfer_sweep.h"

#include <algorithm>

namespace dextqual::rawio {

std::vector<std::uint64_t> sweep_sizes(std::uint64_t block, std::uint64_t capacity,
                                       const std::vector<std::uint64_t>& boundaries, bool quick) {
  const std::uint64_t cap = std::min(kMaxSweepBytes, capacity);
  std::vector<std::uint64_t> sizes;
  for (std::uint64_t size = block; size <= cap; size *= 2) {
    sizes.push_back(size);
  }
  for (std::uint64_t odd : {3, 5, 7, 9, 15, 17, 31, 33, 63, 65, 127, 129, 255, 257, 511, 1023, 2047, 4095}) {
    if (quick && odd > 17) {
      break;
    }
    sizes.push_back(odd * block);
  }
  for (std::uint64_t limit : boundaries) {
    sizes.push_back(limit - limit % block);
  }
  std::erase_if(sizes, [&](std::uint64_t s) { return s == 0 || s > cap || s % block != 0; });
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  return sizes;
}

std::vector<std::uint64_t> sweep_offsets(std::uint64_t block, std::uint64_t capacity, std::uint64_t size,
                                         bool quick) {
  std::vector<std::uint64_t> offsets;
  if (size > capacity) {
    return offsets;
  }
  const std::uint64_t align = std::max<std::uint64_t>(block, 4096);
  offsets.push_back(0);
  if (!quick) {
    std::uint64_t middle = capacity / 2;
    middle -= middle % align;
    if (middle + size <= capacity) {
      offsets.push_back(middle);
    }
  }
  std::uint64_t end = capacity - size;
  end -= end % block;
  offsets.push_back(end);
  std::sort(offsets.begin(), offsets.end());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  return offsets;
}

}  // namespace dextqual::rawio
