// Guards reading simdext's published constraints: absent and zero keys are "no limit", bad types are
// errors naming the key, and maxTransferSize reaches the DMA specification (the F2 input).
#include "limits/limits_simdext.h"

#include <gtest/gtest.h>

namespace dextqual::limits {
namespace {

TEST(LimitsFromSimdext, ReadsConstraintsAndMaxTransferSize) {
  const auto json = nlohmann::json::parse(R"({"constraints": {
      "max_transfer_size": 65536, "max_byte_count_write": 524288, "max_segment_count_write": 256,
      "max_segment_byte_count_write": 65536, "max_block_count_read": 0, "hba_data_alignment_mask": 281474976710654,
      "min_segment_alignment": 4, "segment_addressable_bits": 48}})");
  auto limits = limits_from_simdext(json);
  ASSERT_TRUE(limits) << limits.error().message();
  EXPECT_EQ(limits->dma.max_transfer_size, 65536u);
  EXPECT_EQ(limits->published.write.max_byte_count, 524288u);
  EXPECT_FALSE(limits->published.read.max_block_count) << "0 means not published";
  EXPECT_FALSE(limits->published.read.max_byte_count);
  EXPECT_EQ(limits->published.hba_data_alignment_mask, 0x0000FFFFFFFFFFFEULL);
}

TEST(LimitsFromSimdext, WrongTypeNamesTheKey) {
  auto limits =
      limits_from_simdext(nlohmann::json::parse(R"({"constraints": {"max_transfer_size": "64k"}})"));
  ASSERT_FALSE(limits);
  EXPECT_NE(limits.error().message().find("constraints.max_transfer_size"), std::string::npos);
}

TEST(LimitsFromSimdext, MissingConstraintsIsAnError) {
  EXPECT_FALSE(limits_from_simdext(nlohmann::json::object()));
}

}  // namespace
}  // namespace dextqual::limits
