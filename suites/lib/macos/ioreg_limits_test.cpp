// Guards the IORegistry limits reader against `ioreg -a -l -t -r -c IOMedia` in the shape Apple's
// ioreg.c prints it (ancestors linked by a single-dict IORegistryEntryChildren, the match's subtree an
// array): nearest ancestor wins, <real> sizes, missing keys, no match (MACOS.md §2, §4, §7). The
// registries are hand-written in that shape: no public capture of an `ioreg -a` storage tree was found.
#include "macos/ioreg_limits.h"

#include <gtest/gtest.h>

#include "limits/limits_checker.h"
#include "macos/replayed_commands.h"

namespace dextqual::limits {
namespace {

using macos::recorded;

TEST(LimitsFromIoreg, NearestAncestorWinsForEachKey) {
  // MACOS.md §2: copyProperty searches this entry, then the parents; the Type00 byte count shadows the
  // controller's.
  auto limits = limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "/dev/rdisk5");
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

TEST(LimitsFromIoreg, PartitionInheritsItsDisksLimits) {
  auto limits = limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "disk5s1");
  ASSERT_TRUE(limits) << limits.error().message();
  EXPECT_EQ(limits->write.max_byte_count, 524288u);
}

TEST(LimitsFromIoreg, RequestedLimitsNestedInScsiDeviceCharacteristics) {
  // A personality's preferences sit in the "SCSI Device Characteristics" dictionary of the protocol
  // layer; copyProperty never sees nested keys, so they are read apart from the published ones.
  auto requested = requested_limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "disk5");
  ASSERT_TRUE(requested) << requested.error().message();
  EXPECT_EQ(requested->write.max_byte_count, 524288u);
  EXPECT_EQ(requested->read.max_block_count, 2048u);
  EXPECT_FALSE(requested->read.max_byte_count);
  auto published = limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "disk5");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->read.max_block_count, 65535u) << "the nested 2048 is not what the block layer reads";
  auto none = requested_limits_from_ioreg(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"), "disk2");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->write.max_byte_count);
}

TEST(LimitsFromIoreg, F2RegistryWithKnownMaxTransferSizeIsFlagged) {
  // F2 end to end from a registry dump: 64 KiB maxTransferSize under the 512 KiB write limit.
  auto limits = limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "disk5");
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
  auto disk3 = limits_from_ioreg(recorded("ioreg/handwritten-real-sizes-two-disks.plist"), "disk3");
  ASSERT_TRUE(disk3) << disk3.error().message();
  EXPECT_EQ(disk3->read.max_byte_count, 1048576u);
  EXPECT_EQ(disk3->read.max_segment_byte_count, 65536u);
  EXPECT_FALSE(disk3->write.max_byte_count);
  EXPECT_FALSE(disk3->segment_addressable_bits);
  auto disk4 = limits_from_ioreg(recorded("ioreg/handwritten-real-sizes-two-disks.plist"), "disk4");
  ASSERT_TRUE(disk4);
  EXPECT_EQ(disk4->write.max_byte_count, 2097152u);
  EXPECT_FALSE(disk4->read.max_byte_count);
}

TEST(LimitsFromIoreg, UsbDiskLimitsComeFromTheSbcDriverAboveIt) {
  auto limits = limits_from_ioreg(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"), "disk2");
  ASSERT_TRUE(limits) << limits.error().message();
  EXPECT_EQ(limits->write.max_block_count, 65535u);
  EXPECT_EQ(limits->read.max_byte_count, 1048576u);
  auto nvme = limits_from_ioreg(recorded("ioreg/handwritten-host-usb-ide-adapter.plist"), "disk0");
  ASSERT_TRUE(nvme) << nvme.error().message();
  EXPECT_EQ(nvme->read.max_byte_count, 131072u) << "each disk reads its own ancestors, not the neighbour's";
}

TEST(LimitsFromIoreg, FractionalSizeIsAnErrorNamingTheKey) {
  auto limits = limits_from_ioreg(recorded("ioreg/handwritten-fractional-size.plist"), "disk7");
  ASSERT_FALSE(limits);
  EXPECT_NE(limits.error().message().find("IOMaximumByteCountWrite"), std::string::npos);
}

TEST(LimitsFromIoreg, NoMatchAndUnknownDiskAreErrorsNotCrashes) {
  // ioreg -r prints nothing and exits 0 when nothing matched.
  EXPECT_FALSE(limits_from_ioreg(recorded("ioreg/no-match.txt"), "disk5"));
  EXPECT_FALSE(limits_from_ioreg(recorded("ioreg/handwritten-acme-raid-f2.plist"), "disk9"));
  EXPECT_FALSE(limits_from_ioreg("<plist><array>", "disk5"));
}

}  // namespace
}  // namespace dextqual::limits
