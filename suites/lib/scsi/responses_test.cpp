#include <gtest/gtest.h>

#include "scsi/capacity_data.h"
#include "scsi/inquiry_data.h"
#include "scsi/lun_list.h"
#include "scsi/mode_data.h"
#include "scsi/vpd_pages.h"

namespace dextqual::scsi {
namespace {

TEST(Responses, StandardInquiry) {
  std::vector<uint8_t> bytes(74, 0);
  bytes[0] = 0x00;
  bytes[2] = 0x06;
  bytes[3] = 0x12;
  bytes[4] = 69;
  const std::string text = "QEMU    QEMU HARDDISK   2.5+";
  std::copy(text.begin(), text.end(), bytes.begin() + 8);
  bytes[58] = 0x04;
  bytes[59] = 0x60;  // SPC-4
  bytes[60] = 0x04;
  bytes[61] = 0xC0;  // SBC-3
  auto inquiry = parse_standard_inquiry(bytes);
  ASSERT_TRUE(inquiry);
  EXPECT_EQ(inquiry->response_data_format, 2);
  EXPECT_TRUE(inquiry->hisup);
  EXPECT_EQ(trim_ascii_field(inquiry->product), "QEMU HARDDISK");
  ASSERT_EQ(inquiry->version_descriptors.size(), 2u);
  EXPECT_TRUE(claims_spc(inquiry->version_descriptors[0]));
  EXPECT_TRUE(claims_sbc(inquiry->version_descriptors[1]));
  EXPECT_FALSE(parse_standard_inquiry(std::vector<uint8_t>(4, 0)));
}

TEST(Responses, DeviceIdentificationDesignators) {
  std::vector<uint8_t> bytes{0, 0x83, 0, 12, 0x01, 0x03, 0, 8, 0x50, 1, 2, 3, 4, 5, 6, 7};
  auto page = parse_vpd_page(bytes);
  ASSERT_TRUE(page);
  auto designators = parse_designators(*page);
  ASSERT_TRUE(designators);
  ASSERT_EQ(designators->size(), 1u);
  EXPECT_EQ((*designators)[0].type, 3);
  EXPECT_EQ((*designators)[0].identifier[0] >> 4, 5);  // NAA 5
  bytes[7] = 9;                                        // runs past the page
  EXPECT_FALSE(parse_designators(*parse_vpd_page(bytes)));
}

TEST(Responses, ReadCapacitySixteen) {
  std::vector<uint8_t> bytes(32, 0);
  bytes[3] = 0x01;   // last LBA 1_0000_0000h
  bytes[10] = 0x10;  // 4096
  bytes[13] = 0x03;
  bytes[14] = 0xC0;
  auto capacity = parse_capacity16(bytes);
  ASSERT_TRUE(capacity);
  EXPECT_EQ(capacity->blocks(), (1ull << 32) + 1);
  EXPECT_EQ(capacity->block_length, 4096u);
  EXPECT_EQ(capacity->lbppbe, 3);
  EXPECT_TRUE(capacity->lbpme && capacity->lbprz);
}

TEST(Responses, ModeSenseSixWithDescriptorAndCachingPage) {
  std::vector<uint8_t> bytes{23,   0,    0x10, 8, 0, 0, 0x10, 0, 0, 0, 0x02, 0,
                             0x08, 0x12, 0x04, 0, 0, 0, 0,    0, 0, 0, 0,    0};
  auto mode = parse_mode_parameters(bytes, false);
  ASSERT_TRUE(mode);
  EXPECT_TRUE(mode->dpofua);
  ASSERT_EQ(mode->block_descriptors.size(), 1u);
  EXPECT_EQ(mode->block_descriptors[0].blocks, 0x1000u);
  EXPECT_EQ(mode->block_descriptors[0].block_length, 512u);
  ASSERT_NE(mode->find(0x08), nullptr);
  EXPECT_TRUE(mode->pages_overrun);  // page declares 20 bytes, 12 present
  auto caching = parse_caching_page(*mode->find(0x08));
  ASSERT_TRUE(caching);
  EXPECT_TRUE(caching->wce);
  EXPECT_FALSE(caching->rcd);
}

TEST(Responses, ReportLunsAndLunEncoding) {
  std::vector<uint8_t> bytes{0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0};
  auto list = parse_lun_list(bytes);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->list_length, 24u);
  ASSERT_EQ(list->entries.size(), 2u);  // truncated: the third is not in the reply
  EXPECT_EQ(decode_lun(list->entries[1]), 5u);
  EXPECT_EQ(decode_lun(encode_lun(300)), 300u);
}

}  // namespace
}  // namespace dextqual::scsi
