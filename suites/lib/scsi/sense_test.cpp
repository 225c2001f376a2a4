#include "scsi/sense.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

TEST(Sense, FixedFormatWithFieldPointer) {
  std::vector<uint8_t> bytes(18, 0);
  bytes[0] = 0xF0;  // VALID + 70h
  bytes[2] = 0x05;
  bytes[6] = 0x2A;
  bytes[7] = 10;
  bytes[12] = 0x24;
  bytes[15] = 0xC8 | 0x07;  // SKSV, C/D, BPV, bit 7
  bytes[17] = 2;
  auto sense = parse_sense(bytes);
  ASSERT_TRUE(sense) << sense.error().message();
  EXPECT_EQ(sense->key, sense_key::kIllegalRequest);
  EXPECT_EQ(sense->asc, 0x24);
  EXPECT_EQ(sense->information, 0x2Au);
  ASSERT_TRUE(sense->field_pointer);
  EXPECT_EQ(describe(*sense),
            "ILLEGAL REQUEST 24h/00h INVALID FIELD IN CDB (CDB byte 2 bit 7), fixed format");
  EXPECT_FALSE(sense->truncated());
}

TEST(Sense, DescriptorFormat) {
  std::vector<uint8_t> bytes{0x72, 0x06, 0x29, 0x00, 0, 0, 0, 0};
  auto sense = parse_sense(bytes);
  ASSERT_TRUE(sense);
  EXPECT_TRUE(sense->descriptor_format);
  EXPECT_EQ(key_asc_ascq(sense->key, sense->asc, sense->ascq), "6h/29h/00h");
  EXPECT_EQ(asc_text(0x29, 0x00), "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED");
}

TEST(Sense, TruncatedAgainstAdditionalLength) {
  std::vector<uint8_t> bytes(14, 0);
  bytes[0] = 0x70;
  bytes[2] = 0x05;
  bytes[7] = 10;  // declares 18 bytes
  auto sense = parse_sense(bytes);
  ASSERT_TRUE(sense);
  EXPECT_TRUE(sense->truncated());
}

TEST(Sense, UnknownResponseCodeIsAnError) {
  std::vector<uint8_t> zeros(18, 0);
  auto sense = parse_sense(zeros);
  ASSERT_FALSE(sense);
  EXPECT_NE(sense.error().detail.find("unknown response code 00h"), std::string::npos);
  EXPECT_FALSE(parse_sense({}));
}

}  // namespace
}  // namespace dextqual::scsi
