// A writer that keeps stamped, journaled writes in flight on the raw node until it is stopped or a
// write fails — what is running when the device is pulled. It remembers when its first failure came
// and what it was, so a test can tell a prompt failure from a hang (the owner waits on finished() with
// a timeout; a writer stuck in the kernel is detached rather than joined, and holds only shared state).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "integrity/expected_state.h"
#include "integrity/run_identity.h"
#include "integrity/write_journal.h"
#include "lifecycle/raw_block_io.h"

namespace dextqual::lifecycle {

class IoInFlight {
 public:
  using Clock = std::chrono::steady_clock;

  // Writes `range` again and again with rising generations from `first_generation`.
  IoInFlight(RawBlockDevice device, std::shared_ptr<integrity::WriteJournal> journal,
             const integrity::RunIdentity& identity, integrity::LbaRange range,
             std::uint64_t first_generation, std::uint32_t sectors_per_block);
  IoInFlight(const IoInFlight&) = delete;
  IoInFlight& operator=(const IoInFlight&) = delete;
  // Stops and joins if the writer finished; detaches it if it is stuck, so a hang cannot hang the suite.
  ~IoInFlight();

  // Waits until at least `writes` writes completed (the device is busy), or the writer ended.
  void wait_for_writes(std::uint64_t writes, std::chrono::milliseconds timeout);
  // Waits for the writer to end by itself (a failed write). False on timeout.
  [[nodiscard]] bool wait_finished(std::chrono::milliseconds timeout);
  void request_stop();

  [[nodiscard]] std::uint64_t completed_writes() const;
  // When the first write failed and why; nullopt while every write succeeded.
  [[nodiscard]] std::optional<Clock::time_point> failed_at() const;
  [[nodiscard]] std::string failure() const;
  [[nodiscard]] std::uint64_t last_generation() const;

 private:
  struct Shared;
  std::shared_ptr<Shared> shared_;
  std::thread thread_;
};

}  // namespace dextqual::lifecycle
