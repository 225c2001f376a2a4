#include "testing/dut_environment.h"

#include <gtest/gtest.h>

namespace dextqual::testing {
namespace {

// The macro must skip (not pass, not fail) when the requirement is unmet; both spellings.
TEST(RequireDut, BareNameSkipsWithTheReasonWhenUnmet) {
  set_dut(DutDescription{});
  REQUIRE_DUT(data_loss_allowed);
  ADD_FAILURE() << "REQUIRE_DUT(data_loss_allowed) did not skip on a DUT without the allowance";
}

TEST(RequireDut, CallWithArgumentsSkipsWhenUnmet) {
  DutDescription dut;
  dut.capacity_blocks = 8;
  set_dut(dut);
  REQUIRE_DUT(capacity_at_least(1 << 20));
  ADD_FAILURE() << "REQUIRE_DUT(capacity_at_least) did not skip on an 8-block DUT";
}

TEST(RequireDut, MetRequirementLetsTheTestRun) {
  DutDescription dut;
  dut.allow_data_loss = true;
  dut.capacity_blocks = 1 << 20;
  set_dut(dut);
  bool ran = false;
  [&] {
    REQUIRE_DUT(data_loss_allowed);
    REQUIRE_DUT(capacity_at_least(512));
    ran = true;
  }();
  EXPECT_TRUE(ran);
}

TEST(RequireDut, ReasonsSayWhatIsMissing) {
  set_dut(DutDescription{});
  auto reason = requirement::hook("power_cycle");
  ASSERT_TRUE(reason);
  EXPECT_NE(reason->find("power_cycle"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::testing
