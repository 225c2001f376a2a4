// Guards the IORegistry limits parser against recorded `ioreg -a` outputs: nearest ancestor wins,
// <real> sizes, missing keys, no match (MACOS.md §2, §4, §7).
#include "platform/macos/limits_ioreg.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "platform/limits_checker.h"

namespace dextqual::limits {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DEXTQUAL_FIXTURES) + "/macos/ioreg/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(LimitsFromIoreg, NearestAncestorWinsForEachKey) {
  // MACOS.md §2: copyProperty searches this entry, then the parents; the Type00 byte count shadows the
  // controller's.
  auto limits = limits_from_ioreg(fixture("acme-raid-f2.plist"), "/dev/rdisk5");
  ASSERT_TRUE(limits) << limits.error().message();
  EXPECT_EQ(limits->write.max_byte_count, 524288u);
  EXPECT_EQ(limits->read.max_byte_count, 1048576u);
  EXPECT_EQ(limits->write.max_block_count, 65535u);
  EXPECT_EQ(limits->write.max_segment_count, 256u);
  EXPECT_EQ(limits->write.max_segment_byte_count, 65536u);
  EXPECT_EQ(limits->min_segment_alignment, 4u);
  EXPECT_EQ(limits->segment_addressable_bits, 48u);
  EXPECT_FALSE(limits->hba_data_alignment_mask) << "required but never published";
}

TEST(LimitsFromIoreg, F2RegistryWithKnownMaxTransferSizeIsFlagged) {
  // F2 end to end from a registry dump: 64 KiB maxTransferSize under the 512 KiB write limit.
  auto limits = limits_from_ioreg(fixture("acme-raid-f2.plist"), "disk5");
  ASSERT_TRUE(limits);
  LimitsReport report;
  report.published = *limits;
  report.dma = DmaSpecification{65536, 4, 48, 64, 32};
  report.published->hba_data_alignment_mask = 0xFFFFFFFFFFFEULL;
  const Analysis analysis = analyze(report);
  ASSERT_NE(analysis.predicted(Direction::write, 128 * 1024), nullptr) << analysis.describe();
  EXPECT_NE(analysis.describe().find("between 64 KiB and 512 KiB"), std::string::npos) << analysis.describe();
}

TEST(LimitsFromIoreg, RealSizesAndMissingKeysAreAccepted) {
  // MACOS.md §7: sizes as <real>; keys absent by direction; bit count 0 means absent.
  auto disk3 = limits_from_ioreg(fixture("older-macos-real-sizes.plist"), "disk3");
  ASSERT_TRUE(disk3) << disk3.error().message();
  EXPECT_EQ(disk3->read.max_byte_count, 1048576u);
  EXPECT_EQ(disk3->read.max_segment_byte_count, 65536u);
  EXPECT_FALSE(disk3->write.max_byte_count);
  EXPECT_FALSE(disk3->segment_addressable_bits);
  auto disk4 = limits_from_ioreg(fixture("older-macos-real-sizes.plist"), "disk4");
  ASSERT_TRUE(disk4);
  EXPECT_EQ(disk4->write.max_byte_count, 2097152u);
  EXPECT_FALSE(disk4->read.max_byte_count);
}

TEST(LimitsFromIoreg, FractionalSizeIsAnErrorNamingTheKey) {
  auto limits = limits_from_ioreg(fixture("fractional-size.plist"), "disk7");
  ASSERT_FALSE(limits);
  EXPECT_NE(limits.error().message().find("IOMaximumByteCountWrite"), std::string::npos);
}

TEST(LimitsFromIoreg, NoMatchAndUnknownDiskAreErrorsNotCrashes) {
  // ioreg -r prints nothing and exits 0 when nothing matched.
  EXPECT_FALSE(limits_from_ioreg(fixture("no-match.txt"), "disk5"));
  EXPECT_FALSE(limits_from_ioreg(fixture("acme-raid-f2.plist"), "disk9"));
  EXPECT_FALSE(limits_from_ioreg("<plist><array>", "disk5"));
}

}  // namespace
}  // namespace dextqual::limits
