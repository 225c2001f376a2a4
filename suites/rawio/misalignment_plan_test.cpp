// Guards the misaligned-buffer tests against passing on nothing: no block-aligned page offset exists
// when block >= page (the sweep must skip, not pass), and a byte-misaligned buffer that the platform
// refuses is "not exercised", while one it accepts must verify.
#include "rawio/misalignment_plan.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace dextqual::rawio {
namespace {

TEST(BlockAlignedPageOffsets, SampleTheOffsetsBetweenBlockAndPage) {
  EXPECT_EQ(block_aligned_page_offsets(512, 4096), (std::vector<std::size_t>{512, 1024, 2048, 3584}));
  EXPECT_EQ(block_aligned_page_offsets(4096, 16384), (std::vector<std::size_t>{4096, 8192, 12288}));
  EXPECT_EQ(block_aligned_page_offsets(2048, 4096), (std::vector<std::size_t>{2048}));
}

TEST(BlockAlignedPageOffsets, NoneWhenTheBlockIsAPageOrMore) {
  EXPECT_TRUE(block_aligned_page_offsets(4096, 4096).empty());
  EXPECT_TRUE(block_aligned_page_offsets(8192, 4096).empty());
  EXPECT_TRUE(block_aligned_page_offsets(0, 4096).empty());
}

CheckedTransfer complete_transfer() {
  CheckedTransfer transfer;
  transfer.size = 4096;
  transfer.write = {4096, 4096, 0};
  transfer.read = {4096, 4096, 0};
  transfer.verify = integrity::VerifyReport{};
  return transfer;
}

TEST(ByteMisalignedVerdict, EinvalIsNotExercisedAndAVerifiedTransferPasses) {
  CheckedTransfer refused;
  refused.write = {4096, 0, EINVAL};
  const auto verdict = judge_byte_misaligned(refused);
  EXPECT_EQ(verdict.verdict, ByteMisalignedVerdict::refused_by_platform);
  EXPECT_NE(verdict.text.find("not exercised"), std::string::npos) << verdict.text;
  EXPECT_EQ(judge_byte_misaligned(complete_transfer()).verdict, ByteMisalignedVerdict::verified);
}

TEST(ByteMisalignedVerdict, AnAcceptedBufferThatCorruptsOrFailsIsAFailure) {
  CheckedTransfer shifted = complete_transfer();
  integrity::Finding finding;
  finding.kind = integrity::SectorClass::misdirected;
  finding.range = {0, 8};
  shifted.verify->findings.push_back(finding);
  const auto corrupted = judge_byte_misaligned(shifted);
  EXPECT_EQ(corrupted.verdict, ByteMisalignedVerdict::failed);
  EXPECT_NE(corrupted.text.find("verify"), std::string::npos) << corrupted.text;

  CheckedTransfer eio = complete_transfer();
  eio.write = {4096, 0, EIO};
  EXPECT_EQ(judge_byte_misaligned(eio).verdict, ByteMisalignedVerdict::failed);
  CheckedTransfer read_refused = complete_transfer();
  read_refused.read = {4096, 0, EINVAL};  // write accepted, read refused: written data unverified
  EXPECT_EQ(judge_byte_misaligned(read_refused).verdict, ByteMisalignedVerdict::failed);
}

}  // namespace
}  // namespace dextqual::rawio
