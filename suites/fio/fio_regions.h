// Where each fio test writes on the DUT. The F1 pair needs a region of at least 256 MiB each (F1: files
// of 256 MB or more came back corrupt, 128 MB never did); the remaining tests take small regions after
// them. Regions never overlap (fio 3.33 cannot tell another job's stale data from fresh data).
#pragma once

#include <cstdint>

namespace dextqual::fio {

inline constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
inline constexpr std::uint64_t kF1PairBytes = 256 * kMiB;

struct FioRegions {
  std::uint64_t direct_threshold = 0;    // offset of the direct half of the F1 pair
  std::uint64_t buffered_threshold = 0;  // offset of the buffered half
  std::uint64_t threshold_size = 0;      // size of each; smaller than kF1PairBytes on a small DUT
  std::uint64_t small_base = 0;          // first offset of the small per-test regions
  std::uint64_t small_size = 0;          // size of each small region
  std::uint64_t small_count = 0;         // how many fit
};

[[nodiscard]] inline FioRegions plan_regions(std::uint64_t capacity, bool quick) {
  FioRegions r;
  r.small_size = (quick ? 8 : 32) * kMiB;
  const std::uint64_t reserve = 8 * r.small_size;
  r.threshold_size = capacity > reserve + 2 * kF1PairBytes
                         ? kF1PairBytes
                         : (capacity > reserve ? (capacity - reserve) / 2 : capacity / 4);
  r.threshold_size -= r.threshold_size % kMiB;
  r.direct_threshold = 0;
  r.buffered_threshold = r.threshold_size;
  r.small_base = 2 * r.threshold_size;
  r.small_count = r.small_size == 0 ? 0 : (capacity - r.small_base) / r.small_size;
  return r;
}

}  // namespace dextqual::fio
