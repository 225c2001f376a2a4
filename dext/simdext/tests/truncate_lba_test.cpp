// The truncate_lba fault on the wire (issue 13 §3): a driver that keeps only the low 32 bits of the
// LBA makes LBA 2^k (k >= 32) alias LBA 2^k mod 2^32, for writes and reads, on the block path and on
// pass-through alike; every application is logged with the address the LU really used.
#include "model_fixture.h"

namespace simdext::testing {
namespace {

constexpr uint64_t kTwo32 = 1ull << 32;

// Target 3 LUN 1 of kSmallProfile has 2^32 + 2^20 blocks: bit 32 exists.
class TruncateLbaTest : public ModelTest {
 protected:
  void SetUp() override {
    make(std::string(kSmallProfile) + "\n[[rule]]\nname = \"lba32\"\naction = \"truncate_lba\"\nbits = 32\n");
    clear_unit_attention(3, 1);
    run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 3, 1, Initiator::host);  // the block path's
  }
  Result write16(uint64_t lba, const std::vector<uint8_t>& data, Initiator source = Initiator::passthrough) {
    return run(cdb16(0x8A, lba, 1), kOut, data.size(), data, 3, 1, source);
  }
  Result read16(uint64_t lba, Initiator source = Initiator::passthrough) {
    return run(cdb16(0x88, lba, 1), kIn, 512, {}, 3, 1, source);
  }
  Result read10(uint32_t lba) { return run(cdb10(0x28, lba, 1), kIn, 512, {}, 3, 1); }
};

TEST_F(TruncateLbaTest, WriteToTwoToTheKLandsAtTwoToTheKModTwoToThe32) {
  const std::vector<uint8_t> a(512, 0xA1);
  const std::vector<uint8_t> b(512, 0xB2);
  ASSERT_TRUE(write16(kTwo32, a).response.good());
  ASSERT_TRUE(write16(kTwo32 + 5, b, Initiator::host).response.good());  // the block device's path too
  EXPECT_EQ(read10(0).data, a);                                          // 2^32 mod 2^32 = 0
  EXPECT_EQ(read10(5).data, b);
  EXPECT_EQ(read10(1).data, std::vector<uint8_t>(512, 0));
}

TEST_F(TruncateLbaTest, ReadsAreTruncatedToo) {
  const std::vector<uint8_t> c(512, 0xC3);
  ASSERT_TRUE(run(cdb10(0x2A, 7, 1), kOut, 512, c, 3, 1).response.good());
  EXPECT_EQ(read16(kTwo32 + 7).data, c);
  EXPECT_EQ(read16(kTwo32 + 7, Initiator::host).data, c);
}

TEST_F(TruncateLbaTest, AddressesBelowTheKeptBitsAreUntouched) {
  const std::vector<uint8_t> d(512, 0xD4);
  ASSERT_TRUE(write16(kTwo32 - 1, d).response.good());
  EXPECT_EQ(read16(kTwo32 - 1).data, d);
  EXPECT_EQ(read10(static_cast<uint32_t>(kTwo32 - 1)).data, d);
  EXPECT_EQ(read10(0).data, std::vector<uint8_t>(512, 0));
}

TEST_F(TruncateLbaTest, EveryApplicationIsLoggedWithTheAddressUsed) {
  ASSERT_TRUE(write16(kTwo32 + 3, std::vector<uint8_t>(512, 1)).response.good());
  const auto log = controller_->faults().log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0]["action"], "truncate_lba");
  EXPECT_EQ(log[1]["note"], "LBA 4294967299 acts on LBA 3");
}

TEST(TruncateLbaProfile, NeedsBitsAndActsOnReadsAndWritesOnly) {
  const std::string lu = "[[target]]\nid = 0\n[[target.lun]]\ncapacity = \"1MiB\"\n[[rule]]\n";
  auto no_bits = parse_profile(lu + "action = \"truncate_lba\"\n", "x.toml");
  ASSERT_FALSE(no_bits);
  EXPECT_NE(no_bits.error().find("bits"), std::string::npos);
  auto inquiry = parse_profile(lu + "action = \"truncate_lba\"\nbits = 32\nopcodes = [0x12]\n", "x.toml");
  ASSERT_FALSE(inquiry);
  EXPECT_NE(inquiry.error().find("READ/WRITE"), std::string::npos);
  auto fine = parse_profile(lu + "action = \"truncate_lba\"\nbits = 32\n", "x.toml");
  ASSERT_TRUE(fine) << fine.error();
  EXPECT_EQ(fine->rules[0].match.opcodes.size(), 8u);  // every READ and WRITE, nothing else
}

}  // namespace
}  // namespace simdext::testing
