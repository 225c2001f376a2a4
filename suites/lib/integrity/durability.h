// The durability rule (PERSISTENCE.md §3) as a function: from the history of writes and flushes a
// writer observed, which generation must each LBA hold after an eject, a reboot or a power cut?
//
// A write W is must-survive when it completed successfully and any of these holds:
//   - it was FUA;
//   - a flush F succeeded with completion(W) <= submission(F) (a flush covers only what had completed
//     when it was *submitted*: a write acknowledged while the flush was in flight is not covered);
//   - the device has no volatile cache (WCE=0 / "write through"): every acknowledgement is binding;
//   - a clean quiesce was logged after W completed (clean eject or reboot: the OS flushed).
// floor(LBA) is the newest must-survive generation there; last(LBA) the newest ever issued, including
// writes still in flight at the cut and writes that failed (they may land, but never as garbage and
// never required). Acceptable is one whole generation g with floor <= g <= last.
//
// All times are sequence numbers from one monotone counter that the writer ticks for every submission
// and completion it logs (journal.h); only their order matters.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "integrity/expected_state.h"

namespace dextqual::integrity {

struct WriteRecord {
  std::uint64_t write_id = 0;
  LbaRange range;
  std::uint64_t generation = 0;
  bool fua = false;
  std::uint64_t submit_seq = 0;
  std::optional<std::uint64_t> complete_seq;  // absent: still in flight at the cut
  bool succeeded = false;                     // meaningful once completed
};

struct FlushRecord {
  std::uint64_t flush_id = 0;
  std::uint64_t submit_seq = 0;
  std::optional<std::uint64_t> complete_seq;
  bool succeeded = false;
};

struct WriteFlushHistory {
  std::vector<WriteRecord> writes;  // in submission order
  std::vector<FlushRecord> flushes;
  bool no_volatile_cache = false;  // the device reported write-through: every acknowledgement is binding
  std::optional<std::uint64_t> quiesced_seq;  // a clean quiesce (flush + stop) was logged at this seq
};

// Why a write must survive, or that it need not.
enum class Durability : std::uint8_t {
  may_be_lost,    // not acknowledged, failed, or acknowledged but never covered
  fua,            // forced unit access
  flushed,        // covered by a successful flush submitted after it completed
  write_through,  // the device has no volatile cache
  quiesced,       // completed before a clean quiesce
};

[[nodiscard]] Durability durability_of(const WriteRecord& write, const WriteFlushHistory& history);

// The acceptable generation range of every LBA after the history ended (at a cut, or a clean stop).
// Fails when the history is inconsistent (an LBA written twice without a newer generation).
[[nodiscard]] Result<ExpectedState> acceptable_state(const WriteFlushHistory& history);

}  // namespace dextqual::integrity
