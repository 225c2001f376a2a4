// F2 from observation: a ceiling below the published limit is named as the DMA maxTransferSize below
// the published limits; scattered failures, failures above E and "nothing works" are not.
#include "limits/limits_ceiling.h"

#include <gtest/gtest.h>

namespace dextqual::limits {
namespace {

constexpr std::uint64_t kKiB = 1024;
using Outcome = ObservedTransfer::Outcome;

const EffectiveLimit kPublished{512 * kKiB, "IOMaximumByteCountWrite 512 KiB"};

// F2 as reported: 64 KiB works, 128 KiB and everything above it fails with EIO.
std::vector<ObservedTransfer> f2_sweep() {
  std::vector<ObservedTransfer> observed;
  for (std::uint64_t size = 4 * kKiB; size <= 1024 * kKiB; size *= 2) {
    const bool works = size <= 64 * kKiB;
    observed.push_back(
        {Direction::write, size, works ? Outcome::worked : Outcome::refused, works ? "" : "EIO"});
  }
  return observed;
}

TEST(TransferCeiling, F2IsNamedInTermsOfThePublishedLimits) {
  const auto ceiling = diagnose_transfer_ceiling(f2_sweep(), Direction::write, kPublished);
  ASSERT_TRUE(ceiling);
  EXPECT_EQ(ceiling->first_refused, 128 * kKiB);
  EXPECT_EQ(ceiling->largest_working, 64 * kKiB);
  EXPECT_EQ(ceiling->describe(),
            "EIO from 128 KiB, published limits allow 512 KiB: the DEXT's DMA maxTransferSize is below its "
            "published limits (write of 64 KiB works; E bound by IOMaximumByteCountWrite 512 KiB)");
}

TEST(TransferCeiling, NothingRefusedOrNoPublishedLimitIsNoDiagnosis) {
  std::vector<ObservedTransfer> clean = f2_sweep();
  for (auto& t : clean) t.outcome = Outcome::worked;
  EXPECT_FALSE(diagnose_transfer_ceiling(clean, Direction::write, kPublished));
  EXPECT_FALSE(diagnose_transfer_ceiling(f2_sweep(), Direction::write, std::nullopt));
  EXPECT_FALSE(diagnose_transfer_ceiling(f2_sweep(), Direction::read, kPublished));  // only writes seen
}

TEST(TransferCeiling, RefusalsOnlyAboveThePublishedLimitAreAnotherFinding) {
  auto observed = f2_sweep();
  for (auto& t : observed) {
    t.outcome = t.size > 512 * kKiB ? Outcome::refused : Outcome::worked;
  }
  EXPECT_FALSE(diagnose_transfer_ceiling(observed, Direction::write, kPublished));
}

TEST(TransferCeiling, AWorkingSizeBetweenTheRefusalAndTheLimitIsNoCeiling) {
  auto observed = f2_sweep();
  for (auto& t : observed) {
    if (t.size == 256 * kKiB) t.outcome = Outcome::worked;
  }
  EXPECT_FALSE(diagnose_transfer_ceiling(observed, Direction::write, kPublished));
}

TEST(TransferCeiling, CorruptionIsNotARefusalAndNothingWorkingIsNoCeiling) {
  auto observed = f2_sweep();
  for (auto& t : observed) {
    if (t.outcome == Outcome::refused) t.outcome = Outcome::other_failure;
  }
  EXPECT_FALSE(diagnose_transfer_ceiling(observed, Direction::write, kPublished));
  auto none_work = f2_sweep();
  for (auto& t : none_work) t.outcome = Outcome::refused;
  EXPECT_FALSE(diagnose_transfer_ceiling(none_work, Direction::write, kPublished));
}

TEST(TransferCeiling, ASizeThatBothWorkedAndWasRefusedCountsAsRefused) {
  // The same size at the start works and at the end fails: the first refusal still bounds the ceiling.
  auto observed = f2_sweep();
  observed.push_back({Direction::write, 64 * kKiB, Outcome::refused, "EIO"});
  const auto ceiling = diagnose_transfer_ceiling(observed, Direction::write, kPublished);
  ASSERT_TRUE(ceiling);
  EXPECT_EQ(ceiling->first_refused, 64 * kKiB);
  EXPECT_EQ(ceiling->largest_working, 32 * kKiB);
}

TEST(TransferCeiling, OnALinuxHbaThePublishedLimitIsTheQueuesSplitSize) {
  LimitsReport report;
  LinuxQueueLimits queue;
  queue.device = "sdb";
  queue.max_bytes = 512 * kKiB;
  report.linux_queue = queue;
  const Analysis analysis = analyze(report);
  auto limit = published_split_limit(report, analysis, Direction::write);
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->bytes, 512 * kKiB);
  EXPECT_EQ(limit->bound_by, "sdb max_sectors_kb 512 KiB");
  report.queue_fronts_model = true;  // simdext's loop device: its queue says nothing of the controller
  EXPECT_FALSE(published_split_limit(report, analyze(report), Direction::write));
}

}  // namespace
}  // namespace dextqual::limits
