// Guards the MACOS.md §2 checker rules, above all rule 1 (F2): a maxTransferSize below the published
// effective limit must be flagged, with the failing size range, before any I/O.
#include "limits/limits_checker.h"

#include <gtest/gtest.h>

namespace dextqual::limits {
namespace {

constexpr std::uint64_t KiB = 1024;

// F2 as reported: 64 KiB maxTransferSize, 512 KiB byte count, 256 x 64 KiB segments.
LimitsReport f2_report(std::uint64_t max_transfer = 64 * KiB) {
  LimitsReport report;
  report.block_size = 512;
  report.page_size = 4096;
  PublishedLimits published;
  published.source = "test";
  for (Direction d : {Direction::read, Direction::write}) {
    published.of(d).max_byte_count = 512 * KiB;
    published.of(d).max_segment_count = 256;
    published.of(d).max_segment_byte_count = 64 * KiB;
  }
  published.min_segment_alignment = 4;
  published.segment_addressable_bits = 48;
  published.hba_data_alignment_mask = 0x0000FFFFFFFFFFFEULL;
  report.published = published;
  report.dma = DmaSpecification{max_transfer, 4, 48, 64, 32};
  return report;
}

TEST(LimitsChecker, F2MaxTransferBelowPublishedLimitIsFlaggedWithTheRange) {
  // F2: the message must name maxTransferSize, E, and the range that fails with EIO.
  const Analysis analysis = analyze(f2_report());
  ASSERT_TRUE(analysis.has_errors()) << analysis.describe(Severity::info);
  const std::string text = analysis.describe();
  EXPECT_NE(text.find("maxTransferSize 64 KiB < effective published write limit E = 512 KiB"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("write requests between 64 KiB and 512 KiB fail with EIO instead of being split"),
            std::string::npos)
      << text;
  // The DMA specification comes from simdext's description only (issue 13 §4): the rule says so.
  EXPECT_NE(text.find("[simdext only: a real DEXT does not publish its DMA specification]"),
            std::string::npos)
      << text;
  EXPECT_EQ(analysis.predicted(Direction::write, 64 * KiB), nullptr);
  ASSERT_NE(analysis.predicted(Direction::write, 128 * KiB), nullptr);
  EXPECT_NE(analysis.predicted(Direction::write, 128 * KiB)->reason.find("[simdext only"), std::string::npos);
  EXPECT_NE(analysis.predicted(Direction::read, 64 * KiB + 512), nullptr);
  EXPECT_NE(analysis.predicted(Direction::write, 16 * 1024 * KiB), nullptr)
      << "split pieces still exceed 64 KiB";
}

TEST(LimitsChecker, CleanLimitsHaveNoErrorsAndNoPredictions) {
  // The clean profile's shape: maxTransferSize equal to E passes rule 1.
  const Analysis analysis = analyze(f2_report(512 * KiB));
  EXPECT_FALSE(analysis.has_errors()) << analysis.describe(Severity::info);
  EXPECT_TRUE(analysis.predicted_failures.empty());
  ASSERT_TRUE(analysis.effective_write);
  EXPECT_EQ(analysis.effective_write->bytes, 512 * KiB);
}

TEST(LimitsChecker, EffectiveLimitIsTheSmallestNonZeroProductRoundedToBlocks) {
  // Rule 1: E = trunc_B(min{byte count, blocks x B, segments x segment bytes}); absent keys don't count.
  DirectionLimits limits;
  limits.max_byte_count = 1000 * KiB + 100;
  limits.max_segment_count = 8;
  limits.max_segment_byte_count = 128 * KiB;
  auto e = effective_limit(limits, 512, Direction::write);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->bytes, 1000 * KiB);
  limits.max_block_count = 256;
  e = effective_limit(limits, 512, Direction::write);
  EXPECT_EQ(e->bytes, 128 * KiB);
  EXPECT_NE(e->bound_by.find("IOMaximumBlockCountWrite 256"), std::string::npos) << e->bound_by;
  EXPECT_FALSE(effective_limit(DirectionLimits{}, 512, Direction::read));
}

TEST(LimitsChecker, EffectiveLimitBelowOneBlockPredictsEveryRequestFails) {
  // Rule 2: a break size that rounds to 0 is kIOReturnDMAError -> EIO for all I/O.
  LimitsReport report = f2_report(512 * KiB);
  report.published->write.max_byte_count = 256;
  const Analysis analysis = analyze(report);
  EXPECT_TRUE(analysis.has_errors());
  EXPECT_NE(analysis.predicted(Direction::write, 512), nullptr);
}

TEST(LimitsChecker, SegmentAndAddressingRulesAreChecked) {
  // Rules 3-5: alignment power of two, *32 segment type with > 32 bits, the HBA Data Alignment mask.
  LimitsReport report = f2_report(512 * KiB);
  report.published->min_segment_alignment = 6;
  report.dma->segment_bits = 32;
  report.published->hba_data_alignment_mask.reset();
  const std::string text = analyze(report).describe();
  EXPECT_NE(text.find("is not a power of two"), std::string::npos) << text;
  EXPECT_NE(text.find("kIOReturnBadArgument"), std::string::npos) << text;
  EXPECT_NE(text.find("'HBA Data Alignment' is missing"), std::string::npos) << text;
}

TEST(LimitsChecker, IoctlValuesMustMatchTheRegistry) {
  // Rule 6: DKIOCGETMAX* equal the nearest-ancestor registry values.
  LimitsReport report = f2_report(512 * KiB);
  report.ioctl = report.published;
  report.ioctl->write.max_byte_count = 1024 * KiB;
  const std::string text = analyze(report).describe();
  EXPECT_NE(text.find("IOMaximumByteCountWrite: IORegistry says 524288, the DKIOCGETMAX* ioctl says 1048576"),
            std::string::npos)
      << text;
}

TEST(LimitsChecker, LinuxSplitSizeAboveVpdMaximumTransferLengthIsPredicted) {
  // Linux equivalent of rule 1: max_sectors_kb above VPD B0h MAXIMUM TRANSFER LENGTH.
  LimitsReport report;
  report.linux_queue =
      LinuxQueueLimits{"sdb", 1024 * KiB, 1024 * KiB, 128, 64 * KiB, 512, 4096, 511, "write back"};
  report.vpd = VpdBlockLimits{128, 0, 0};
  const Analysis analysis = analyze(report);
  EXPECT_TRUE(analysis.has_errors());
  EXPECT_NE(analysis.predicted(Direction::write, 128 * KiB), nullptr);
  EXPECT_EQ(analysis.predicted(Direction::write, 64 * KiB), nullptr);
}

TEST(LimitsChecker, ModelFrontedQueueIsNotComparedWithVpdButPublishedLimitsAre) {
  // simdext's loop device is not the HBA's queue; the published E still must not exceed B0h's MTL.
  LimitsReport report = f2_report(512 * KiB);
  report.linux_queue =
      LinuxQueueLimits{"loop0", 1280 * KiB, 1280 * KiB, 128, 64 * KiB, 512, 512, 511, "write back"};
  report.queue_fronts_model = true;
  report.vpd = VpdBlockLimits{256, 0, 0};  // 128 KiB
  const Analysis analysis = analyze(report);
  EXPECT_FALSE(analysis.has_errors()) << analysis.describe(Severity::info);
  const std::string text = analysis.describe();
  EXPECT_NE(
      text.find("[warning vpd-1] effective published write limit E = 512 KiB exceeds the device's VPD B0h "
                "MAXIMUM TRANSFER LENGTH 128 KiB"),
      std::string::npos)
      << text;
}

TEST(LimitsChecker, BoundarySizesAreOneBlockAroundEachLimit) {
  // The raw sweep probes one block below, at and above every advertised limit.
  const Analysis analysis = analyze(f2_report());
  const auto sizes = analysis.boundary_sizes(512);
  for (std::uint64_t want : {64 * KiB - 512, 64 * KiB, 64 * KiB + 512, 512 * KiB - 512, 512 * KiB + 512}) {
    EXPECT_NE(std::find(sizes.begin(), sizes.end(), want), sizes.end()) << want;
  }
}

TEST(LimitsChecker, FormatBytesKeepsExactSizes) {
  EXPECT_EQ(format_bytes(65536), "64 KiB");
  EXPECT_EQ(format_bytes(16 * 1024 * KiB), "16 MiB");
  EXPECT_EQ(format_bytes(66048), "66048 B");
  EXPECT_EQ(format_bytes(512), "512 B");
}

}  // namespace
}  // namespace dextqual::limits
