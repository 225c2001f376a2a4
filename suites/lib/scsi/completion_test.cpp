#include "scsi/completion.h"

#include <gtest/gtest.h>

#include "scsi/fake_transport.h"
#include "scsi/initiator.h"

namespace dextqual::scsi {
namespace {

// A device that writes `data` into data-in and answers with `reply`.
Completion run_in(std::vector<uint8_t> data, TransportReply reply, uint32_t allocation, bool exact = true) {
  auto transport = std::make_shared<FakeTransport>(
      [=](const Request& request) {
        std::copy_n(data.begin(), std::min(data.size(), request.data_in.size()), request.data_in.begin());
        return reply;
      },
      exact);
  Initiator initiator(transport, {});
  auto completion = initiator.run_in(inquiry(static_cast<uint16_t>(allocation)), allocation);
  EXPECT_TRUE(completion);
  return *completion;
}

bool mentions(const std::vector<std::string>& found, const std::string& text) {
  for (const auto& line : found) {
    if (line.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(Completion, CleanInquiryHasNoInconsistencies) {
  TransportReply reply;
  reply.residual = 64 - 36;
  auto completion = run_in(std::vector<uint8_t>(36, 0x20), reply, 64);
  EXPECT_TRUE(completion.inconsistencies().empty()) << completion.describe();
  EXPECT_EQ(completion.data_in.changed, 36u);
  EXPECT_EQ(completion.returned().size(), 36u);
}

TEST(Completion, UntouchedBufferWithGoodIsLostDma) {  // F5
  TransportReply reply;
  auto completion = run_in({}, reply, 36);
  EXPECT_TRUE(mentions(completion.inconsistencies(), "untouched (lost DMA, F5)")) << completion.describe();
}

TEST(Completion, CheckConditionWithoutSenseAndSenseWithGood) {
  TransportReply cc;
  cc.status = status::kCheckCondition;
  EXPECT_TRUE(mentions(run_in({1, 2, 3, 4}, cc, 4).inconsistencies(), "without sense"));
  auto good_with_sense = check_condition_reply(5, 0x24, 0);
  good_with_sense.status = status::kGood;
  EXPECT_TRUE(mentions(run_in({1, 2, 3, 4}, good_with_sense, 4).inconsistencies(), "with GOOD status"));
}

TEST(Completion, TruncatedSenseAndBadResidual) {
  auto reply = check_condition_reply(5, 0x24, 0, 100);
  reply.sense.resize(13);
  auto found = run_in({}, reply, 36).inconsistencies();
  EXPECT_TRUE(mentions(found, "ADDITIONAL SENSE LENGTH declares 18"));
  EXPECT_TRUE(mentions(found, "residual 100 outside 0..36"));
}

TEST(Completion, WritesPastTheTransferredCountOnlyMatterOnExactTransports) {
  TransportReply reply;
  reply.residual = 30;  // claims 6 bytes, wrote 36
  EXPECT_TRUE(mentions(run_in(std::vector<uint8_t>(36, 1), reply, 36).inconsistencies(), "past the 6 bytes"));
  EXPECT_TRUE(run_in(std::vector<uint8_t>(36, 1), reply, 36, /*exact=*/false).inconsistencies().empty());
}

TEST(Completion, DescribeNamesCommandSenseAndBuffer) {
  auto completion = run_in({}, check_condition_reply(5, 0x24, 0, 36), 36);
  const std::string text = completion.describe();
  EXPECT_NE(text.find("INQUIRY(standard, alloc 36) [12 00 00 00 24 00]"), std::string::npos) << text;
  EXPECT_NE(text.find("CHECK CONDITION"), std::string::npos);
  EXPECT_NE(text.find("INVALID FIELD IN CDB"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::scsi
