// LUNs with no logical unit behind them (SPC-4 6.4.2, SAM-5 5.9.4): INQUIRY answers with peripheral
// qualifier 011b / device type 1Fh or qualifier 001b, every other command with LOGICAL UNIT NOT SUPPORTED. An
// HBA driver that invents LUs or swallows these answers makes the OS enumerate ghosts.
#include <set>

#include "scsi/allowed_answers.h"
#include "scsi/lun_list.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class AbsentLun : public ScsiTest {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    REQUIRE_DUT(
        host_offers(initiator().transport().traits().any_address,
                    initiator().transport().traits().name +
                        " cannot address LUNs the OS did not attach (Linux makes no sg node for them)"));
    SCSI_RUN(listing, initiator().run_in(report_luns(4096), 4096));
    ASSERT_SCSI(listing, expect::good());
    auto list = parse_lun_list(listing.returned());
    ASSERT_TRUE(list);
    std::set<uint64_t> present;
    for (const auto& entry : list->entries) {
      present.insert(decode_lun(entry).value_or(~0ull));
    }
    absent_.target = initiator().address().target;
    while (present.contains(absent_.lun)) {
      ++absent_.lun;
    }
  }
  Address absent_;
};

TEST_F(AbsentLun, InquiryReportsNoLogicalUnit) {
  // Guards SPC-4 6.4.2: INQUIRY to an absent LUN is GOOD with PERIPHERAL QUALIFIER 011b and DEVICE
  // TYPE 1Fh, or 001b (check_absent_lun_inquiry; both ways unit-tested in allowed_answers_test.cpp).
  SCSI_RUN(completion, initiator().at(absent_).run_in(inquiry(36), 36));
  ASSERT_SCSI(completion, expect::good());
  ASSERT_GE(completion.returned().size(), 1u) << completion.describe();
  const Status allowed = check_absent_lun_inquiry(completion.returned()[0]);
  EXPECT_TRUE(allowed) << "LUN " << absent_.lun
                       << " is not in REPORT LUNS: " << (allowed ? std::string() : allowed.error().message())
                       << "\n"
                       << completion.describe();
}

TEST_F(AbsentLun, OtherCommandsAreLogicalUnitNotSupported) {
  // Guards SPC-4 and SAM-5 5.9.4: TEST UNIT READY and READ CAPACITY to it are 5h/25h/00h.
  EXPECT_SCSI(initiator().at(absent_).run(test_unit_ready()), expect::logical_unit_not_supported());
  EXPECT_SCSI(initiator().at(absent_).run_in(read_capacity10(), 8), expect::logical_unit_not_supported());
}

}  // namespace
}  // namespace dextqual::scsi::suite
