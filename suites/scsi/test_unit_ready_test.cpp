// TEST UNIT READY (SPC-4 6.47): the command every OS sends first, and the one F6's DEXT answered
// with a UNIT ATTENTION nobody retried.
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using TestUnitReady = ScsiTest;

TEST_F(TestUnitReady, GoodWhenReady) {
  // Guards SPC-4 6.47: a ready LU answers GOOD with no data phase (a pending UA is consumed first).
  auto first = initiator().run(test_unit_ready());
  if (first && matches(*first, expect::any_unit_attention())) {
    first = initiator().run(test_unit_ready());  // SAM-5 5.14: one UA per event, then the command runs
  }
  EXPECT_SCSI(first, expect::good());
}

TEST_F(TestUnitReady, StaysGoodWhenRepeated) {
  // Guards SPC-4 6.47 and SCSI-CHECKLIST.md (c)11: readiness does not flicker between commands.
  (void)initiator().run(test_unit_ready());
  for (int i = 0; i < 8; ++i) {
    SCOPED_TRACE("repetition " + std::to_string(i));
    EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good());
  }
}

TEST_F(TestUnitReady, CompletionFieldsAreConsistent) {
  // Guards SCSI-CHECKLIST.md (c)2: no data phase means residual 0 and no sense with GOOD.
  SCSI_RUN(completion, initiator().run(test_unit_ready()));
  EXPECT_TRUE(completion.inconsistencies().empty()) << completion.describe();
  EXPECT_EQ(completion.reply.residual, 0) << completion.describe();
}

}  // namespace
}  // namespace dextqual::scsi::suite
