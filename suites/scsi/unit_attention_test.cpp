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
  // A LOGICAL UNIT RESET of the DUT (or of its target, ScsiTest::reset_dut). A driver that performs
  // neither (Linux's megaraid_sas for the MFI series) leaves the harness unable to cause the UNIT
  // ATTENTION these tests judge: a skip naming the driver, not an expected failure of the device. Any
  // other way the reset fails (an errno other than "not performed", a reset that would disturb an LU
  // the run may not touch) fails the test.
  void reset() {
    const auto outcome = reset_dut(ResetScope::logical_unit);
    REQUIRE_DUT(driver_offers(!outcome.driver_lacks_reset, outcome.failure));
    ASSERT_TRUE(outcome.done) << "the LU was not reset: " << outcome.failure << outcome.skip;
    RecordProperty("reset", to_string(*outcome.done));
  }
};

TEST_F(UnitAttention, ResetIsReportedExactlyOnce) {
  // Guards SAM-5 5.14: a reset gives 6h/29h/xx on the next command, then GOOD.
  ASSERT_NO_FATAL_FAILURE(reset());
  if (IsSkipped()) return;  // the driver performs no LU reset (reset())
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
  REQUIRE_DUT(driver_offers(!outcome.driver_lacks_reset, outcome.skip));
  REQUIRE_DUT(run_provides(outcome.skip.empty(), outcome.skip));
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
  if (IsSkipped()) return;  // the driver performs no LU reset (reset())
  EXPECT_SCSI(initiator().run_in(inquiry(36), 36), expect::good());
  EXPECT_SCSI(initiator().run_in(report_luns(256), 256), expect::good());
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::any_unit_attention()) << "INQUIRY cleared the UA";
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good());
}

TEST_F(UnitAttention, RequestSenseReportsAndClearsIt) {
  // Guards SAM-5 5.14 (SPC-4 6.39): with a UA pending, REQUEST SENSE completes GOOD and the device server
  // shall either (a) report any pending sense data (here none: NO SENSE) and keep the UA for the next
  // command, or (b) report the UA as its data and clear it. Either passes; a CHECK CONDITION, a UA
  // reported and kept, or one neither reported nor kept fails.
  ASSERT_NO_FATAL_FAILURE(reset());
  if (IsSkipped()) return;  // the driver performs no LU reset (reset())
  SCSI_RUN(pending, initiator().run_in(request_sense(252), 252));
  ASSERT_SCSI(pending, expect::good());
  auto sense = parse_sense(pending.returned());
  ASSERT_TRUE(sense) << pending.describe();
  if (sense->key == sense_key::kUnitAttention) {
    RecordProperty("sam5_5_14_alternative", "b: reported the UNIT ATTENTION and cleared it");
    EXPECT_EQ(sense->asc, 0x29) << describe(*sense);
    EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good())
        << "REQUEST SENSE reported the UNIT ATTENTION but did not clear it (SAM-5 5.14 b)";
    return;
  }
  RecordProperty("sam5_5_14_alternative", "a: reported the pending sense data and kept the UNIT ATTENTION");
  EXPECT_EQ(sense->key, sense_key::kNoSense)
      << "REQUEST SENSE reported neither the UNIT ATTENTION nor 'no pending sense': " << describe(*sense);
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::any_unit_attention())
      << "REQUEST SENSE did not report the UNIT ATTENTION, so it must still be pending (SAM-5 5.14 a)";
  EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good());
}

TEST_F(UnitAttention, TheCommandThatDrewItWasNotExecuted) {
  // Guards SAM-5 5.14: a WRITE answered with UNIT ATTENTION left the medium unchanged.
  REQUIRE_DUT(data_loss_allowed);
  const uint32_t length = geometry().block_length;
  ASSERT_GT(length, 0u);
  std::vector<uint8_t> before(length, 0x3C), attempted(length, 0xC3);
  ASSERT_SCSI(initiator().run_out(write(CdbSize::ten, {.lba = 16, .blocks = 1}), before), expect::good());
  ASSERT_NO_FATAL_FAILURE(reset());
  if (IsSkipped()) return;  // the driver performs no LU reset (reset())
  EXPECT_SCSI(initiator().run_out(write(CdbSize::ten, {.lba = 16, .blocks = 1}), attempted),
              expect::any_unit_attention());
  SCSI_RUN(back, initiator().run_in(read(CdbSize::ten, {.lba = 16, .blocks = 1}), length));
  ASSERT_SCSI(back, expect::good());
  EXPECT_EQ(back.data, before) << "the WRITE that drew the UNIT ATTENTION was executed";
}

}  // namespace
}  // namespace dextqual::scsi::suite
