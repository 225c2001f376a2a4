// Guards the durability rule (PERSISTENCE.md §3) against hand-worked histories. Seqs tick once per event.
#include "integrity/durability.h"

#include <gtest/gtest.h>

namespace dextqual::integrity {
namespace {

WriteRecord acked(std::uint64_t id, LbaRange range, std::uint64_t gen, std::uint64_t submit,
                  std::uint64_t complete, bool fua = false) {
  return {.write_id = id,
          .range = range,
          .generation = gen,
          .fua = fua,
          .submit_seq = submit,
          .complete_seq = complete,
          .succeeded = true};
}

FlushRecord flush(std::uint64_t id, std::uint64_t submit, std::uint64_t complete, bool ok = true) {
  return {.flush_id = id, .submit_seq = submit, .complete_seq = complete, .succeeded = ok};
}

TEST(Durability, FlushCoversOnlyWritesCompletedBeforeItsSubmission) {
  // seq: 1 submit W1, 2 complete W1, 3 submit F, 4 submit W2, 5 complete W2, 6 complete F.
  WriteFlushHistory history;
  history.writes = {acked(1, {0, 8}, 1, 1, 2), acked(2, {8, 8}, 1, 4, 5)};
  history.flushes = {flush(1, 3, 6)};
  EXPECT_EQ(durability_of(history.writes[0], history), Durability::flushed);
  EXPECT_EQ(durability_of(history.writes[1], history), Durability::may_be_lost);
  auto state = acceptable_state(history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{1, 1}));
  EXPECT_EQ(state->at(8), (GenerationRange{0, 1}));
}

TEST(Durability, FailedOrUnfinishedFlushCoversNothing) {
  WriteFlushHistory history;
  history.writes = {acked(1, {0, 8}, 1, 1, 2)};
  FlushRecord unfinished;
  unfinished.flush_id = 2;
  unfinished.submit_seq = 5;
  history.flushes = {flush(1, 3, 4, /*ok=*/false), unfinished};
  EXPECT_EQ(durability_of(history.writes[0], history), Durability::may_be_lost);
}

TEST(Durability, FuaIsCoveredWithoutAFlush) {
  WriteFlushHistory history;
  history.writes = {acked(1, {0, 8}, 1, 1, 2), acked(2, {0, 8}, 2, 3, 4, /*fua=*/true)};
  auto state = acceptable_state(history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{2, 2}));
}

TEST(Durability, CleanQuiesceCoversEveryAcknowledgedWrite) {
  WriteFlushHistory history;
  history.writes = {acked(1, {0, 8}, 1, 1, 2), acked(2, {0, 8}, 2, 3, 4)};
  WriteRecord in_flight = acked(3, {16, 8}, 1, 6, 0);
  in_flight.complete_seq.reset();  // never acknowledged
  history.writes.push_back(in_flight);
  history.quiesced_seq = 5;
  auto state = acceptable_state(history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{2, 2}));
  EXPECT_EQ(state->at(16), (GenerationRange{0, 1}));
}

TEST(Durability, WriteThroughCoversEveryAcknowledgedWrite) {
  WriteFlushHistory history;
  history.no_volatile_cache = true;
  history.writes = {acked(1, {0, 8}, 1, 1, 2), acked(2, {0, 4}, 2, 3, 4)};
  auto state = acceptable_state(history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{2, 2}));
  EXPECT_EQ(state->at(4), (GenerationRange{1, 1}));
  EXPECT_EQ(durability_of(history.writes[1], history), Durability::write_through);
}

TEST(Durability, FailedWriteIsNeverMustSurviveButMayLand) {
  WriteFlushHistory history;
  history.no_volatile_cache = true;
  history.writes = {acked(1, {0, 8}, 1, 1, 2), acked(2, {0, 8}, 2, 3, 4)};
  history.writes[1].succeeded = false;
  history.flushes = {flush(1, 5, 6)};
  history.quiesced_seq = 7;
  EXPECT_EQ(durability_of(history.writes[1], history), Durability::may_be_lost);
  auto state = acceptable_state(history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{1, 2}));
}

TEST(Durability, InconsistentHistoryIsAnError) {
  WriteFlushHistory history;
  history.writes = {acked(1, {0, 8}, 2, 1, 2), acked(2, {4, 8}, 2, 3, 4)};
  EXPECT_FALSE(acceptable_state(history));
}

}  // namespace
}  // namespace dextqual::integrity
