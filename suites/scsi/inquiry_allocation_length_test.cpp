// INQUIRY ALLOCATION LENGTH edges (SPC-4 4.2.5.6, 6.4.1; SCSI-CHECKLIST.md (c)9): the device sends
// min(allocation, available) bytes, nothing past the buffer, and reads the field as 16 bits.
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class InquiryAllocationLength : public ScsiTest, public ::testing::WithParamInterface<uint16_t> {};

TEST_P(InquiryAllocationLength, SendsAPrefixOfTheFullReplyAndNoMore) {
  // Guards SPC-4 4.2.5.6: a short allocation truncates the reply; it never fails or overruns.
  const uint16_t allocation = GetParam();
  SCSI_RUN(full, initiator().run_in(inquiry(512), 512));
  ASSERT_SCSI(full, expect::good());
  SCSI_RUN(completion, initiator().run_in(inquiry(allocation), allocation));
  ASSERT_SCSI(completion, expect::good());
  EXPECT_EQ(completion.data_in.guard_changed, 0u) << completion.describe();
  const size_t expected = std::min<size_t>(allocation, full.returned().size());
  EXPECT_GE(completion.returned().size(), expected) << "fewer bytes than min(allocation, available)\n"
                                                    << completion.describe();
  const size_t compare = std::min(expected, completion.returned().size());
  for (size_t i = 0; i < compare; ++i) {
    // SPC-4 4.2.5.6: truncation never adjusts the data, so ADDITIONAL LENGTH (byte 4) included.
    ASSERT_EQ(completion.returned()[i], full.returned()[i])
        << "byte " << i << (i == 4 ? " (ADDITIONAL LENGTH, adjusted to the allocation)" : "")
        << " differs from the 512-byte reply\n"
        << completion.describe();
  }
}

INSTANTIATE_TEST_SUITE_P(Edges, InquiryAllocationLength, ::testing::Values(1, 5, 36, 255, 256, 511, 512),
                         [](const auto& instance) { return "Alloc" + std::to_string(instance.param); });

using InquiryAllocationEdges = ScsiTest;

TEST_F(InquiryAllocationEdges, ZeroAllocationIsGoodWithoutData) {
  // Guards SPC-4 4.2.5.6: ALLOCATION LENGTH 0 is not an error; no data is transferred.
  SCSI_RUN(completion, initiator().run_in(inquiry(0), 0));
  EXPECT_SCSI(completion, expect::good());
  EXPECT_EQ(completion.data_in.guard_changed, 0u) << completion.describe();
}

TEST_F(InquiryAllocationEdges, FiveHundredElevenAndFiveHundredTwelveAgree) {
  // Guards SPC-4 6.4.1: ALLOCATION LENGTH is 16 bits; a device reading only byte 4 sees 512 as 0.
  SCSI_RUN(at511, initiator().run_in(inquiry(511), 511));
  SCSI_RUN(at512, initiator().run_in(inquiry(512), 512));
  ASSERT_SCSI(at511, expect::good());
  ASSERT_SCSI(at512, expect::good());
  EXPECT_GT(at512.returned().size(), 0u) << "512 read as 0\n" << at512.describe();
  const size_t common = std::min(at511.returned().size(), at512.returned().size());
  EXPECT_TRUE(std::equal(at511.returned().begin(), at511.returned().begin() + static_cast<long>(common),
                         at512.returned().begin()))
      << at511.describe() << "\n"
      << at512.describe();
}

}  // namespace
}  // namespace dextqual::scsi::suite
