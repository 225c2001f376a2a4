// UNIT ATTENTION sequencing (SAM-5 5.14, SPC-4 5.9; SCSI-CHECKLIST.md (c)5): after a reset exactly
// one UA per I_T nexus, the command that drew it is not executed, and INQUIRY and REPORT LUNS are
// never blocked by it. The reset is caused through the transport: simdext's control socket, or on
// Linux SG_SCSI_RESET, which has the HBA driver itself reset the LU (or the bus).
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class UnitAttention : public ScsiTest {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    const auto& traits = initiator().transport().traits();
    REQUIRE_DUT(host_offers(traits.can_reset, traits.name + " cannot cause a reset"));
    (void)initiator().run(test_unit_ready());  // a UA left over from start-up is not this test's
    (void)initiator().run(test_unit_ready());
  }
  // A LOGICAL UNIT RESET of the DUT (or of its target, ScsiTest::reset_dut). A driver that can reset
  // neither fails the test: the host's error recovery starts with these, and without them its only
  // recovery is resetting the whole adapter (a bus reset, by contrast, is optional: it skips below).
  void reset() {
    const auto outcome = reset_dut(ResetScope::logical_unit);
    ASSERT_TRUE(outcome.done) << "the LU was not reset: " << outcome.failure << outcome.skip;
    RecordProperty("reset", to_string(*outcome.done));
  }
};

TEST_F(UnitAttention, ResetIsReportedExactlyOnce) {
  // Guards SAM-5 5.14: a reset gives 6h/29h/xx on the next command, then GOOD.
  ASSERT_NO_FATAL_FAILURE(reset());
  EXPECT_SCSI(
      initiator().run(test_unit_ready()),
      expect::check_condition(sense_key::kUnitAttention, {{0x29, -1}}, "UNIT ATTENTION RESET OCCURRED"));
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good()) << "a second UA for the same reset";
}

TEST_F(UnitAttention, ResetIsReportedOnceAtEveryLogicalUnit) {
  // Guards SAM-5 5.14 and F6: after a bus reset every LU reports its UA once and then works; a target
  // that stops answering after its UA (F6) fails here by name. A driver may offer no bus reset (Linux
  // escalates from a LU reset to the host): then there is nothing to judge.
  const auto outcome = reset_dut(ResetScope::bus);
  REQUIRE_DUT(device_offers(outcome.skip.empty(), outcome.skip));
  ASSERT_TRUE(outcome.done) << "the bus was not reset: " << outcome.failure;
  for (const Address& address : initiator().transport().known_addresses()) {
    Initiator lu = initiator().at(address);
    lu.set_timeout(std::chrono::seconds(5));
    SCSI_RUN(first, lu.run(test_unit_ready()));
    EXPECT_SCSI(first,
                expect::check_condition(sense_key::kUnitAttention, {{0x29, -1}}, "UNIT ATTENTION RESET"))
        << "first command after the reset at " << to_string(address);
    EXPECT_SCSI(lu.run(test_unit_ready()), expect::good())
        << "second command after the reset at " << to_string(address);
  }
}

TEST_F(UnitAttention, InquiryAndReportLunsAreNotBlocked) {
  // Guards SPC-4 5.9 (SAM-5 5.14): INQUIRY and REPORT LUNS complete normally with a UA pending and
  // do not clear it.
  ASSERT_NO_FATAL_FAILURE(reset());
  EXPECT_SCSI(initiator().run_in(inquiry(36), 36), expect::good());
  EXPECT_SCSI(initiator().run_in(report_luns(256), 256), expect::good());
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::any_unit_attention()) << "INQUIRY cleared the UA";
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good());
}

TEST_F(UnitAttention, RequestSenseReportsAndClearsIt) {
  // Guards SPC-4 6.39 and SAM-5 5.14: REQUEST SENSE returns the pending UA as its data, with GOOD
  // status, and clears it.
  ASSERT_NO_FATAL_FAILURE(reset());
  SCSI_RUN(pending, initiator().run_in(request_sense(252), 252));
  ASSERT_SCSI(pending, expect::good());
  auto sense = parse_sense(pending.returned());
  ASSERT_TRUE(sense) << pending.describe();
  EXPECT_EQ(sense->key, sense_key::kUnitAttention) << describe(*sense);
  EXPECT_EQ(sense->asc, 0x29) << describe(*sense);
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good()) << "REQUEST SENSE did not clear the UA";
}

TEST_F(UnitAttention, TheCommandThatDrewItWasNotExecuted) {
  // Guards SAM-5 5.14: a WRITE answered with UNIT ATTENTION left the medium unchanged.
  REQUIRE_DUT(data_loss_allowed);
  const uint32_t length = geometry().block_length;
  ASSERT_GT(length, 0u);
  std::vector<uint8_t> before(length, 0x3C), attempted(length, 0xC3);
  ASSERT_SCSI(initiator().run_out(write(CdbSize::ten, {.lba = 16, .blocks = 1}), before), expect::good());
  ASSERT_NO_FATAL_FAILURE(reset());
  EXPECT_SCSI(initiator().run_out(write(CdbSize::ten, {.lba = 16, .blocks = 1}), attempted),
              expect::any_unit_attention());
  SCSI_RUN(back, initiator().run_in(read(CdbSize::ten, {.lba = 16, .blocks = 1}), length));
  ASSERT_SCSI(back, expect::good());
  EXPECT_EQ(back.data, before) << "the WRITE that drew the UNIT ATTENTION was executed";
}

}  // namespace
}  // namespace dextqual::scsi::suite
