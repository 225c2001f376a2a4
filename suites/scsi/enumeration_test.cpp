// Multi-target/LUN enumeration (F6, SCSI-CHECKLIST.md (c)6): REPORT LUNS at every target, then for
// every LU the sequence the OS uses (TEST UNIT READY, retry after UNIT ATTENTION, INQUIRY, READ
// CAPACITY) must reach its end. In F6 target 1 answered its first TUR with a UA and nothing after
// that ever completed, so the disk behind it never appeared.
#include <map>
#include <set>

#include "scsi/inquiry_data.h"
#include "scsi/lun_list.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class Enumeration : public ScsiTest {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    for (const Address& address : initiator().transport().known_addresses()) {
      luns_[address.target].insert(address.lun);
    }
    REQUIRE_DUT(host_offers(!luns_.empty(),
                            initiator().transport().traits().name + " cannot tell which targets exist"));
  }
  std::map<uint64_t, std::set<uint64_t>> luns_;  // target -> LUNs, as configured or attached
};

TEST_F(Enumeration, EveryTargetReportsItsLuns) {
  // Guards F6 and SPC-4 6.33: REPORT LUNS (never blocked by a UA) at each target lists its LUs.
  for (const auto& [target, expected] : luns_) {
    const Address at{target, expected.contains(0) ? 0 : *expected.begin()};
    SCSI_RUN(listing, initiator().at(at).run_in(report_luns(4096), 4096));
    EXPECT_SCSI(listing, expect::good());
    auto list = parse_lun_list(listing.returned());
    if (!listing.good() || !list) {
      continue;
    }
    std::set<uint64_t> reported;
    for (const auto& entry : list->entries) {
      reported.insert(decode_lun(entry).value_or(~0ull));
    }
    for (uint64_t lun : expected) {
      EXPECT_TRUE(reported.contains(lun)) << "target " << target << " does not report LUN " << lun << "\n"
                                          << listing.describe();
    }
  }
}

TEST_F(Enumeration, EveryLogicalUnitReachesReadCapacity) {
  // Guards F6: TUR (one UNIT ATTENTION per event, then GOOD), INQUIRY, READ CAPACITY at every LU,
  // sparse target IDs included; the failure names the LU and the step that did not complete.
  for (const auto& [target, luns] : luns_) {
    for (uint64_t lun : luns) {
      const Address address{target, lun};
      Initiator probe = initiator().at(address);
      probe.set_timeout(std::chrono::seconds(5));  // libiscsi's and sg3_utils' probe timeout
      auto ready = probe.run(test_unit_ready());
      int attentions = 0;
      for (; attentions < 4 && ready && matches(*ready, expect::any_unit_attention()); ++attentions) {
        ready = probe.run(test_unit_ready());  // SAM-5 5.14: the UA is reported once, then cleared
      }
      EXPECT_SCSI(ready, expect::good())
          << "step 1 of 3 (TEST UNIT READY) at " << to_string(address) << ", after " << attentions
          << " UNIT ATTENTION(s)" << (attentions > 0 ? " (F6)" : "");
      if (!ready || !ready->good()) {
        continue;  // F6: the rest would only time out again
      }
      auto identity = probe.run_in(inquiry(96), 96);
      EXPECT_SCSI(identity, expect::good()) << "step 2 of 3 (INQUIRY) at " << to_string(address);
      if (identity && identity->good()) {
        auto data = parse_standard_inquiry(identity->returned());
        EXPECT_TRUE(data && data->peripheral_qualifier == 0) << identity->describe();
      }
      EXPECT_SCSI(probe.run_in(read_capacity10(), 8), expect::good())
          << "step 3 of 3 (READ CAPACITY) at " << to_string(address);
    }
  }
}

TEST_F(Enumeration, SameLogicalUnitsAfterReset) {
  // Guards SCSI-CHECKLIST.md (c)6 and F6: re-enumeration after a reset loses, duplicates and
  // renumbers nothing: REPORT LUNS at every target lists the same LUNs as before.
  std::map<uint64_t, std::vector<std::array<uint8_t, 8>>> before;
  for (const auto& [target, luns] : luns_) {
    Initiator lu = initiator().at({target, *luns.begin()});
    lu.set_timeout(std::chrono::seconds(5));
    auto listing = lu.run_in(report_luns(4096), 4096);
    auto list = listing && listing->good() ? parse_lun_list(listing->returned()) : parse_lun_list({});
    before[target] = list ? list->entries : std::vector<std::array<uint8_t, 8>>{};
  }
  const auto& traits = initiator().transport().traits();
  REQUIRE_DUT(host_offers(traits.can_reset, traits.name + " cannot cause a reset"));
  const auto outcome = reset_dut(ResetScope::bus);
  REQUIRE_DUT(driver_offers(!outcome.driver_lacks_reset, outcome.skip));
  REQUIRE_DUT(run_provides(outcome.skip.empty(), outcome.skip));
  ASSERT_TRUE(outcome.done) << "the bus was not reset: " << outcome.failure;
  for (const auto& [target, luns] : luns_) {
    Initiator lu = initiator().at({target, *luns.begin()});
    lu.set_timeout(std::chrono::seconds(5));
    SCSI_RUN(listing, lu.run_in(report_luns(4096), 4096));
    EXPECT_SCSI(listing, expect::good()) << "REPORT LUNS after the reset at target " << target;
    auto list = parse_lun_list(listing.returned());
    EXPECT_TRUE(list && list->entries == before[target])
        << "target " << target << " reports other LUNs after the reset\n"
        << listing.describe();
    (void)lu.run(test_unit_ready());  // consume the reset's UNIT ATTENTION for the tests after this one
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
