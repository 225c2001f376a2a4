// Logical-unit behaviour at the task level, from SPC-4 / SBC-3 (SCSI-CHECKLIST.md).
#include "model_fixture.h"

namespace simdext::testing {
namespace {

using LogicalUnitTest = ModelTest;

TEST_F(LogicalUnitTest, PowerOnUnitAttentionOnceThenGood) {  // SAM-5 5.14, SPC-4 29h/00h
  auto first = run({0x00, 0, 0, 0, 0, 0});
  EXPECT_EQ(first.response.fCompletionStatus, 2u);
  EXPECT_EQ(first.key(), 0x6);
  EXPECT_EQ(first.asc(), 0x29);
  auto second = run({0x00, 0, 0, 0, 0, 0});
  EXPECT_TRUE(second.response.good());
}

TEST_F(LogicalUnitTest, InquiryIsExemptFromUnitAttention) {
  auto r = run({0x12, 0, 0, 0, 96, 0}, kIn, 96);
  EXPECT_TRUE(r.response.good());
  EXPECT_EQ(r.response.fBytesTransferred, 96u);
  EXPECT_EQ(r.data[0], 0x00);      // PQ 0, PDT 0
  EXPECT_EQ(r.data[3] & 0x0F, 2);  // RDF 2
  EXPECT_EQ(r.data[4], 91);        // ADDITIONAL LENGTH = 96 - 5
  EXPECT_EQ(std::string(r.data.begin() + 8, r.data.begin() + 16), "DEXTQUAL");
}

TEST_F(LogicalUnitTest, InquiryPageCodeWithoutEvpdIsInvalidField) {
  auto r = run({0x12, 0, 0x80, 0, 96, 0}, kIn, 96);
  EXPECT_EQ(r.key(), 0x5);
  EXPECT_EQ(r.asc(), 0x24);
}

TEST_F(LogicalUnitTest, SupportedVpdPagesAreAscendingAndEachAnswers) {
  auto r = run({0x12, 1, 0x00, 0, 255, 0}, kIn, 255);
  ASSERT_TRUE(r.response.good());
  const std::vector<uint8_t> pages(r.data.begin() + 4, r.data.begin() + 4 + r.data[3]);
  EXPECT_EQ(pages, (std::vector<uint8_t>{0x00, 0x80, 0x83, 0xB0, 0xB1}));
  for (uint8_t page : pages) {
    auto p = run({0x12, 1, page, 0, 255, 0}, kIn, 255);
    EXPECT_TRUE(p.response.good());
    EXPECT_EQ(p.data[1], page);
    EXPECT_EQ(p.response.fBytesTransferred, 4u + ((p.data[2] << 8) | p.data[3]));
  }
  EXPECT_EQ(run({0x12, 1, 0x86, 0, 255, 0}, kIn, 255).asc(), 0x24);
}

// The target port designators of VPD 83h (ASSOCIATION 01b, PIV 1): PROTOCOL IDENTIFIER and type of
// each, in page order; the LU's own designators (ASSOCIATION 00b) are left out.
std::vector<std::pair<uint8_t, uint8_t>> port_designators(const std::vector<uint8_t>& page) {
  std::vector<std::pair<uint8_t, uint8_t>> out;
  const size_t end = std::min(page.size(), size_t{4} + ((page[2] << 8) | page[3]));
  for (size_t at = 4; at + 4 <= end; at += 4 + page[at + 3]) {
    if (((page[at + 1] >> 4) & 0x3) == 1 && (page[at + 1] & 0x80) != 0) {
      out.emplace_back(page[at] >> 4, page[at + 1] & 0x0F);
    }
  }
  return out;
}

TEST_F(LogicalUnitTest, DeviceIdentificationNamesThePortProtocolOfThePhysicalInterconnect) {
  // Default protocol characteristics: "Fibre Channel Interface" -> PROTOCOL IDENTIFIER 0h, an NAA
  // port name (3h) and a relative target port (4h).
  auto fc = run({0x12, 1, 0x83, 0, 255, 0}, kIn, 255);
  ASSERT_TRUE(fc.response.good());
  EXPECT_EQ(port_designators(fc.data), (std::vector<std::pair<uint8_t, uint8_t>>{{0x0, 0x3}, {0x0, 0x4}}));
  make(std::string(kSmallProfile) + "\n[controller.protocol]\nphysical_interconnect = \"SCSI\"\n");
  auto scsi = run({0x12, 1, 0x83, 0, 255, 0}, kIn, 255);
  EXPECT_EQ(port_designators(scsi.data), (std::vector<std::pair<uint8_t, uint8_t>>{{0x1, 0x3}, {0x1, 0x4}}));
  make(std::string(kSmallProfile) + "\n[controller.protocol]\nphysical_interconnect = \"SAS\"\n");
  auto sas = run({0x12, 1, 0x83, 0, 255, 0}, kIn, 255);
  EXPECT_EQ(port_designators(sas.data), (std::vector<std::pair<uint8_t, uint8_t>>{{0x6, 0x3}, {0x6, 0x4}}));
  make(std::string(kSmallProfile) +
       "\n[controller.protocol]\nphysical_interconnect = \"Virtual Interface\"\n");
  auto virt = run({0x12, 1, 0x83, 0, 255, 0}, kIn, 255);
  EXPECT_TRUE(port_designators(virt.data).empty());
}

TEST_F(LogicalUnitTest, AllocationLengthCapsTheTransfer) {
  auto r = run({0x12, 0, 0, 0, 5, 0}, kIn, 96);
  EXPECT_EQ(r.response.fBytesTransferred, 5u);
  EXPECT_EQ(r.data[5], 0xA5);  // nothing written past the allocation length
  auto zero = run({0x12, 0, 0, 0, 0, 0}, kIn, 96);
  EXPECT_TRUE(zero.response.good());
  EXPECT_EQ(zero.response.fBytesTransferred, 0u);
}

TEST_F(LogicalUnitTest, ReadCapacity10And16AgreeAndLargeLuUses16) {
  clear_unit_attention();
  auto rc10 = run({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, kIn, 8);
  ASSERT_TRUE(rc10.response.good());
  EXPECT_EQ((rc10.data[2] << 8) | rc10.data[3], 8191);  // last LBA of 4 MiB / 512
  clear_unit_attention(3, 1);
  auto big10 = run({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, kIn, 8, {}, 3, 1);
  EXPECT_EQ(big10.data[0] & big10.data[1] & big10.data[2] & big10.data[3], 0xFF);  // FFFFFFFFh
  auto big16 = run({0x9E, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0}, kIn, 32, {}, 3, 1);
  ASSERT_TRUE(big16.response.good());
  EXPECT_EQ(big16.data[3], 0x01);  // last LBA 0x1000FFFFF: byte 3 = 01h
  EXPECT_EQ(big16.data[7], 0xFF);
}

TEST_F(LogicalUnitTest, WriteThenReadBackAboveLba2To32) {  // SCSI-CHECKLIST.md "2 TiB rule"
  clear_unit_attention(3, 1);
  for (uint64_t lba : {0xFFFFFFFFull, 0x100000000ull, 0x100000001ull}) {
    std::vector<uint8_t> block(512, static_cast<uint8_t>(lba));
    block[0] = 0x42;
    ASSERT_TRUE(run(cdb16(0x8A, lba, 1), kOut, 512, block, 3, 1).response.good());
    auto r = run(cdb16(0x88, lba, 1), kIn, 512, {}, 3, 1);
    ASSERT_TRUE(r.response.good());
    EXPECT_EQ(r.data, block) << lba;
  }
}

TEST_F(LogicalUnitTest, PastEndIsLbaOutOfRangeEvenWithZeroLength) {
  clear_unit_attention();
  EXPECT_EQ(run(cdb10(0x28, 8191, 2), kIn, 1024).asc(), 0x21);
  EXPECT_EQ(run(cdb10(0x28, 8192, 0)).asc(), 0x21);
  EXPECT_TRUE(run(cdb10(0x28, 8191, 1), kIn, 512).response.good());
  EXPECT_TRUE(run(cdb10(0x28, 0, 0)).response.good());
}

TEST_F(LogicalUnitTest, Read6LengthZeroMeans256Blocks) {
  clear_unit_attention();
  auto r = run({0x08, 0, 0, 0, 0, 0}, kIn, 256 * 512);
  EXPECT_TRUE(r.response.good());
  EXPECT_EQ(r.response.fBytesTransferred, 256u * 512);
}

TEST_F(LogicalUnitTest, UnknownOpcodeIsInvalidCommandOperationCode) {
  clear_unit_attention();
  auto r = run({0xFF, 0, 0, 0, 0, 0});
  EXPECT_EQ(r.key(), 0x5);
  EXPECT_EQ(r.asc(), 0x20);
  EXPECT_EQ(r.ascq(), 0x00);
}

TEST_F(LogicalUnitTest, ModeSenseCachingPageReportsWceAndLengthsAdd) {
  clear_unit_attention();
  auto r = run({0x1A, 0, 0x08, 0, 255, 0}, kIn, 255);
  ASSERT_TRUE(r.response.good());
  EXPECT_EQ(r.data[0] + 1u, r.response.fBytesTransferred);  // MODE DATA LENGTH excludes itself
  EXPECT_EQ(r.data[2] & 0x10, 0x10);                        // DPOFUA
  ASSERT_EQ(r.data[3], 8);                                  // one block descriptor
  EXPECT_EQ(r.data[4 + 8], 0x08);
  EXPECT_EQ(r.data[4 + 8 + 2] & 0x04, 0x04);  // WCE
  auto ten = run({0x5A, 0, 0x3F, 0, 0, 0, 0, 1, 0, 0}, kIn, 256);
  ASSERT_TRUE(ten.response.good());
  EXPECT_EQ(((ten.data[0] << 8) | ten.data[1]) + 2u, ten.response.fBytesTransferred);
  EXPECT_EQ(run({0x1A, 0, 0xC8, 0, 255, 0}, kIn, 255).asc(), 0x39);  // saved values
  EXPECT_EQ(run({0x1A, 0, 0x19, 0, 255, 0}, kIn, 255).asc(), 0x24);  // unsupported page
}

TEST_F(LogicalUnitTest, RequestSenseReportsAndClearsTheUnitAttention) {
  auto r = run({0x03, 0, 0, 0, 18, 0}, kIn, 18);
  ASSERT_TRUE(r.response.good());
  EXPECT_EQ(r.data[0], 0x70);
  EXPECT_EQ(r.data[2] & 0x0F, 0x6);
  EXPECT_EQ(r.data[12], 0x29);
  auto again = run({0x03, 0, 0, 0, 18, 0}, kIn, 18);
  EXPECT_EQ(again.data[2] & 0x0F, 0x0);
  EXPECT_TRUE(run({0x00, 0, 0, 0, 0, 0}).response.good());
}

TEST_F(LogicalUnitTest, UnitAttentionIsPerNexus) {
  clear_unit_attention();  // the pass-through nexus only
  auto host = run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 0, Initiator::host);
  EXPECT_EQ(host.key(), 0x6);
}

TEST_F(LogicalUnitTest, SynchronizeCacheMakesCachedWritesSurviveAPowerCut) {
  clear_unit_attention();
  std::vector<uint8_t> a(4096, 0x11), b(4096, 0x22);
  ASSERT_TRUE(run(cdb10(0x2A, 0, 8), kOut, 4096, a).response.good());
  ASSERT_TRUE(run(cdb10(0x35, 0, 0)).response.good());
  ASSERT_TRUE(run(cdb10(0x2A, 16, 8), kOut, 4096, b).response.good());
  LogicalUnit* lu = controller_->find_lu(0, 0);
  EXPECT_EQ(lu->dirty_bytes(), 4096u);
  lu->power_cut();
  EXPECT_EQ(run(cdb10(0x28, 0, 8), kIn, 4096).data, a);
  EXPECT_EQ(run(cdb10(0x28, 16, 8), kIn, 4096).data, std::vector<uint8_t>(4096, 0));
}

TEST_F(LogicalUnitTest, FuaWriteIsDurableWithoutFlush) {
  clear_unit_attention();
  std::vector<uint8_t> a(512, 0x33);
  ASSERT_TRUE(run(cdb10(0x2A, 5, 1, 0x08), kOut, 512, a).response.good());
  controller_->find_lu(0, 0)->power_cut();
  EXPECT_EQ(run(cdb10(0x28, 5, 1), kIn, 512).data, a);
}

TEST_F(LogicalUnitTest, VerifyWithBytchkDetectsMiscompare) {
  clear_unit_attention();
  std::vector<uint8_t> a(512, 0x44);
  ASSERT_TRUE(run(cdb10(0x2A, 9, 1), kOut, 512, a).response.good());
  EXPECT_TRUE(run(cdb10(0x2F, 9, 1, 0x02), kOut, 512, a).response.good());
  a[7] ^= 1;
  auto bad = run(cdb10(0x2F, 9, 1, 0x02), kOut, 512, a);
  EXPECT_EQ(bad.key(), 0xE);
  EXPECT_EQ(bad.asc(), 0x1D);
}

TEST_F(LogicalUnitTest, StopUnitMakesMediaAccessNotReadyUntilStart) {
  clear_unit_attention();
  ASSERT_TRUE(run({0x1B, 0, 0, 0, 0x00, 0}).response.good());
  auto tur = run({0x00, 0, 0, 0, 0, 0});
  EXPECT_EQ(tur.key(), 0x2);
  EXPECT_EQ(tur.asc(), 0x04);
  ASSERT_TRUE(run({0x1B, 0, 0, 0, 0x01, 0}).response.good());
  EXPECT_TRUE(run({0x00, 0, 0, 0, 0, 0}).response.good());
}

}  // namespace
}  // namespace simdext::testing

namespace simdext::testing {
namespace {

TEST_F(ModelTest,
       ModeSelectClearsWceMakesWritesDurableAndTellsTheOtherNexus) {  // SPC-4 6.9, blktests scsi/006
  clear_unit_attention();
  auto current = run({0x1A, 0x08, 0x08, 0, 255, 0}, TransferDirection::target_to_host, 255);  // DBD=1
  ASSERT_TRUE(current.response.good());
  std::vector<uint8_t> parameters(4 + 20, 0);
  std::copy(current.data.begin() + 4, current.data.begin() + 24, parameters.begin() + 4);
  parameters[4 + 2] &= static_cast<uint8_t>(~0x04);  // WCE=0
  ASSERT_TRUE(
      run({0x15, 0x10, 0, 0, 24, 0}, TransferDirection::host_to_target, 24, parameters).response.good());
  auto after = run({0x1A, 0x08, 0x08, 0, 255, 0}, TransferDirection::target_to_host, 255);
  EXPECT_EQ(after.data[4 + 2] & 0x04, 0);
  ASSERT_TRUE(run(cdb10(0x2A, 0, 1), TransferDirection::host_to_target, 512, std::vector<uint8_t>(512, 9))
                  .response.good());
  EXPECT_EQ(controller_->find_lu(0, 0)->dirty_bytes(), 0u);
  auto host = run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 0, Initiator::host);
  EXPECT_EQ(host.asc(), 0x29);  // power on first
  host = run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 0, Initiator::host);
  EXPECT_EQ(host.asc(), 0x2A);
  EXPECT_EQ(host.ascq(), 0x01);
  parameters[4 + 2] |= 0x01;  // RCD is not changeable
  EXPECT_EQ(run({0x15, 0x10, 0, 0, 24, 0}, TransferDirection::host_to_target, 24, parameters).asc(), 0x26);
}

}  // namespace
}  // namespace simdext::testing
