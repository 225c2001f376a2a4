#include "integrity/durability.h"

#include <algorithm>

namespace dextqual::integrity {
namespace {

// Submission seqs of successful flushes, sorted, so coverage is one binary search per write.
std::vector<std::uint64_t> successful_flush_submissions(const WriteFlushHistory& history) {
  std::vector<std::uint64_t> seqs;
  for (const FlushRecord& flush : history.flushes) {
    if (flush.complete_seq && flush.succeeded) {
      seqs.push_back(flush.submit_seq);
    }
  }
  std::sort(seqs.begin(), seqs.end());
  return seqs;
}

Durability classify(const WriteRecord& write, const WriteFlushHistory& history,
                    const std::vector<std::uint64_t>& flush_submissions) {
  if (!write.complete_seq || !write.succeeded) {
    return Durability::may_be_lost;
  }
  if (write.fua) {
    return Durability::fua;
  }
  if (history.no_volatile_cache) {
    return Durability::write_through;
  }
  if (std::lower_bound(flush_submissions.begin(), flush_submissions.end(), *write.complete_seq) !=
      flush_submissions.end()) {
    return Durability::flushed;
  }
  if (history.quiesced_seq && *write.complete_seq <= *history.quiesced_seq) {
    return Durability::quiesced;
  }
  return Durability::may_be_lost;
}

}  // namespace

Durability durability_of(const WriteRecord& write, const WriteFlushHistory& history) {
  return classify(write, history, successful_flush_submissions(history));
}

Result<ExpectedState> acceptable_state(const WriteFlushHistory& history) {
  const std::vector<std::uint64_t> flush_submissions = successful_flush_submissions(history);
  std::vector<const WriteRecord*> ordered;
  ordered.reserve(history.writes.size());
  for (const WriteRecord& write : history.writes) {
    ordered.push_back(&write);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const WriteRecord* a, const WriteRecord* b) { return a->submit_seq < b->submit_seq; });
  ExpectedState state;
  for (const WriteRecord* write : ordered) {
    DQ_TRY(state.record_write(write->range, write->generation, WriteState::in_flight));
  }
  for (const WriteRecord* write : ordered) {
    if (classify(*write, history, flush_submissions) != Durability::may_be_lost) {
      DQ_TRY(state.raise_floor(write->range, write->generation));
    }
  }
  return state;
}

}  // namespace dextqual::integrity
