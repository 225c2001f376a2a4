// Every answer SPC-4 allows passes, and the nearest wrong ones fail with the clause in the message:
// the LU "configured each allowed way" that simdext (which answers one way) cannot be.
#include "scsi/allowed_answers.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

TEST(AbsentLunInquiry, AcceptsQualifierThreeWithTypeOneFAndQualifierOne) {
  EXPECT_TRUE(check_absent_lun_inquiry(0x7F));  // 011b / 1Fh: what simdext answers
  EXPECT_TRUE(check_absent_lun_inquiry(0x20));  // 001b / 00h: a disk type that is not connected
  EXPECT_TRUE(check_absent_lun_inquiry(0x3F));  // 001b / 1Fh
}

TEST(AbsentLunInquiry, RefusesAClaimedUnitAReservedQualifierAndAWrongType) {
  const auto claimed = check_absent_lun_inquiry(0x00);
  ASSERT_FALSE(claimed);
  EXPECT_NE(claimed.error().message().find("000b claims a logical unit"), std::string::npos)
      << claimed.error().message();
  EXPECT_FALSE(check_absent_lun_inquiry(0x1F));  // 000b / 1Fh still claims a unit
  EXPECT_FALSE(check_absent_lun_inquiry(0x40));  // 010b reserved
  EXPECT_FALSE(check_absent_lun_inquiry(0x9F));  // 100b vendor specific
  const auto wrong_type = check_absent_lun_inquiry(0x60);
  ASSERT_FALSE(wrong_type);
  EXPECT_NE(wrong_type.error().message().find("requires DEVICE TYPE 1Fh"), std::string::npos);
}

Sense sense_of(uint8_t key, uint8_t asc, uint8_t ascq) {
  Sense sense;
  sense.key = key;
  sense.asc = asc;
  sense.ascq = ascq;
  return sense;
}

TEST(NothingPendingSense, AcceptsNoSenseAndTheStatesRequestSenseReports) {
  EXPECT_TRUE(check_nothing_pending_sense(sense_of(0x0, 0x00, 0x00)));
  EXPECT_TRUE(check_nothing_pending_sense(sense_of(0x0, 0x5E, 0x03)));  // standby by command
  EXPECT_TRUE(check_nothing_pending_sense(sense_of(0x0, 0x04, 0x04)));  // format in progress
  EXPECT_TRUE(check_nothing_pending_sense(sense_of(0x1, 0x5D, 0x00)));  // failure prediction
  EXPECT_TRUE(check_nothing_pending_sense(sense_of(0x0, 0x5D, 0xFF)));
}

TEST(NothingPendingSense, RefusesErrorsAndInventedSense) {
  const auto error = check_nothing_pending_sense(sense_of(0x4, 0x44, 0x00));
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message().find("SPC-4 6.39"), std::string::npos) << error.error().message();
  EXPECT_FALSE(check_nothing_pending_sense(sense_of(0x6, 0x29, 0x00)));  // a UA is pending, not "nothing"
  EXPECT_FALSE(check_nothing_pending_sense(sense_of(0x2, 0x04, 0x04)));  // NOT READY key: an error
  EXPECT_FALSE(check_nothing_pending_sense(sense_of(0x1, 0x00, 0x00)));  // RECOVERED ERROR of nothing
  EXPECT_FALSE(check_nothing_pending_sense(sense_of(0x0, 0x24, 0x00)));  // NO SENSE with an invented ASC
}

}  // namespace
}  // namespace dextqual::scsi
