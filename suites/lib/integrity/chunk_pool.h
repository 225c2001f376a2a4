// A minimal pool of std::threads that works through numbered chunks: each worker takes the next chunk
// index from an atomic counter, so fast and slow chunks balance themselves, and the first error stops
// every worker after its current chunk. Used for multi-threaded stamping and verification; one chunk is
// one I/O (stamped_io.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/result.h"

namespace dextqual::integrity {

// Calls `work(chunk, worker)` for every chunk in [0, chunks) on `threads` workers (worker is 0-based,
// for per-worker buffers). Returns the first error any call returned.
template <class Work>
[[nodiscard]] Status for_each_chunk(std::uint64_t chunks, unsigned threads, Work&& work) {
  threads = std::max(1U, threads);
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex error_mutex;
  std::optional<Error> first_error;
  auto run = [&](unsigned worker) {
    while (!stop.load(std::memory_order_relaxed)) {
      const std::uint64_t chunk = next.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= chunks) {
        return;
      }
      Status status = work(chunk, worker);
      if (!status) {
        std::lock_guard lock(error_mutex);
        if (!first_error) {
          first_error = std::move(status).error();
        }
        stop = true;
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned worker = 1; worker < threads; ++worker) {
      pool.emplace_back(run, worker);
    }
    run(0);
  }
  if (first_error) {
    return std::unexpected(std::move(*first_error));
  }
  return {};
}

}  // namespace dextqual::integrity
