// Work a suite binary has done so far, counted where it is done (the integrity verifier counts the
// bytes it checked) and read by whoever reports progress (testing/progress_publisher.h, for the
// runner's CI-log heartbeat). Process-wide and lock-free: counting must cost nothing on the I/O path.
#pragma once

#include <atomic>
#include <cstdint>

namespace dextqual {

struct WorkCounters {
  std::atomic<std::uint64_t> bytes_verified{0};
};

[[nodiscard]] inline WorkCounters& work_counters() {
  static WorkCounters counters;
  return counters;
}

}  // namespace dextqual
