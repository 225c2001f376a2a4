// REQUEST SENSE (SPC-4 6.39): with nothing pending the answer is GOOD and NO SENSE, in the format
// DESC asks for. libiscsi has no test of it (SCSI-CHECKLIST.md (c)7).
#include "scsi/allowed_answers.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using RequestSense = ScsiTest;

TEST_F(RequestSense, NothingPendingIsNoSenseInFixedFormat) {
  // Guards SPC-4 6.39: GOOD, parameter data is fixed-format sense 70h with NO SENSE 00h/00h, or one
  // of the states REQUEST SENSE reports without an error (check_nothing_pending_sense, unit-tested).
  (void)initiator().run_in(request_sense(252), 252);  // consumes a pending UNIT ATTENTION, if any
  SCSI_RUN(completion, initiator().run_in(request_sense(252), 252));
  ASSERT_SCSI(completion, expect::good());
  auto sense = parse_sense(completion.returned());
  ASSERT_TRUE(sense) << sense.error().message() << "\n" << completion.describe();
  EXPECT_EQ(sense->response_code, 0x70) << completion.describe();
  const Status allowed = check_nothing_pending_sense(*sense);
  EXPECT_TRUE(allowed) << (allowed ? std::string() : allowed.error().message()) << "\n" << describe(*sense);
  EXPECT_GE(completion.returned().size(), 18u) << "fixed format is at least 18 bytes\n"
                                               << completion.describe();
}

TEST_F(RequestSense, DescriptorFormatIsHonouredOrRefused) {
  // Guards SPC-4 6.39: DESC=1 returns 72h sense, or INVALID FIELD IN CDB when unsupported.
  SCSI_RUN(completion, initiator().run_in(request_sense(252, /*descriptor_format=*/true), 252));
  ASSERT_SCSI(completion, expect::any_of({expect::good(), expect::invalid_field_in_cdb()}));
  if (completion.good()) {
    auto sense = parse_sense(completion.returned());
    ASSERT_TRUE(sense) << completion.describe();
    EXPECT_EQ(sense->response_code, 0x72) << completion.describe();
  }
}

TEST_F(RequestSense, ShortAllocationTruncates) {
  // Guards SPC-4 6.39: the sense data is truncated to ALLOCATION LENGTH, never an error.
  SCSI_RUN(completion, initiator().run_in(request_sense(8), 8));
  ASSERT_SCSI(completion, expect::good());
  EXPECT_LE(completion.returned().size(), 8u);
  EXPECT_EQ(completion.data_in.guard_changed, 0u);
}

}  // namespace
}  // namespace dextqual::scsi::suite
