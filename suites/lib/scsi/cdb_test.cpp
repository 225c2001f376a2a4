#include "scsi/cdb.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

std::vector<uint8_t> bytes(const Cdb& cdb) { return {cdb.bytes.begin(), cdb.bytes.begin() + cdb.size}; }

TEST(Cdb, InquiryVpdCarriesEvpdPageAndSixteenBitLength) {
  EXPECT_EQ(bytes(inquiry_vpd(0x83, 0x1FF)), (std::vector<uint8_t>{0x12, 0x01, 0x83, 0x01, 0xFF, 0x00}));
  EXPECT_EQ(bytes(inquiry(36)), (std::vector<uint8_t>{0x12, 0, 0, 0, 36, 0}));
}

TEST(Cdb, ReadSixEncodesTwoHundredFiftySixBlocksAsZero) {
  EXPECT_EQ(bytes(read(CdbSize::six, {.lba = 0x12345, .blocks = 256})),
            (std::vector<uint8_t>{0x08, 0x01, 0x23, 0x45, 0x00, 0x00}));
}

TEST(Cdb, ReadSixteenKeepsAllSixtyFourLbaBits) {
  auto cdb = read(CdbSize::sixteen, {.lba = 0x0102030405060708ull, .blocks = 0x0A0B0C0D, .fua = true});
  EXPECT_EQ(bytes(cdb),
            (std::vector<uint8_t>{0x88, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B, 0x0C, 0x0D, 0, 0}));
  EXPECT_NE(cdb.describe().find("READ(16, LBA 102030405060708h"), std::string::npos);
}

TEST(Cdb, WriteTenAndTwelveLayouts) {
  EXPECT_EQ(bytes(write(CdbSize::ten, {.lba = 0xFFFFFFFF, .blocks = 2, .dpo = true})),
            (std::vector<uint8_t>{0x2A, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 2, 0}));
  EXPECT_EQ(bytes(write(CdbSize::twelve, {.lba = 1, .blocks = 0x10000})),
            (std::vector<uint8_t>{0xAA, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0}));
}

TEST(Cdb, FitsKnowsEachSizesLimits) {
  EXPECT_TRUE(fits(CdbSize::six, 0x1FFFFF, 256));
  EXPECT_FALSE(fits(CdbSize::six, 0x200000, 1));
  EXPECT_FALSE(fits(CdbSize::ten, 1ull << 32, 1));
  EXPECT_TRUE(fits(CdbSize::sixteen, ~0ull, 1));
}

TEST(Cdb, ServiceActionAndReportLuns) {
  EXPECT_EQ(bytes(read_capacity16(32)),
            (std::vector<uint8_t>{0x9E, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0}));
  EXPECT_EQ(bytes(report_luns(16, 2)), (std::vector<uint8_t>{0xA0, 0, 2, 0, 0, 0, 0, 0, 0, 16, 0, 0}));
  EXPECT_EQ(bytes(synchronize_cache16(1ull << 32, 8, true)),
            (std::vector<uint8_t>{0x91, 0x02, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0}));
}

TEST(Cdb, ModeSenseCarriesPageControlAndDbd) {
  auto cdb = mode_sense10({.page_code = 0x08,
                           .page_control = PageControl::saved,
                           .disable_block_descriptors = true,
                           .allocation_length = 0x200});
  EXPECT_EQ(bytes(cdb), (std::vector<uint8_t>{0x5A, 0x08, 0xC8, 0, 0, 0, 0, 0x02, 0x00, 0}));
  EXPECT_EQ(bytes(mode_sense6({.page_code = 0x3F, .allocation_length = 4})),
            (std::vector<uint8_t>{0x1A, 0, 0x3F, 0, 4, 0}));
}

}  // namespace
}  // namespace dextqual::scsi
