#include "testing/dut_environment.h"

#include <gtest/gtest.h>

namespace dextqual::testing {
namespace {

// REQUIRE_DUT skips exactly when detail::unmet() yields a reason; both spellings must yield one
// when the DUT falls short (checked here without skipping this test itself).
TEST(RequireDut, BareNameYieldsTheReasonWhenUnmet) {
  set_dut(DutDescription{});
  auto reason = detail::unmet(requirement::data_loss_allowed);
  ASSERT_TRUE(reason);
  EXPECT_NE(reason->find("--allow-data-loss"), std::string::npos);
}

TEST(RequireDut, CallWithArgumentsYieldsTheReasonWhenUnmet) {
  DutDescription dut;
  dut.capacity_blocks = 8;
  set_dut(dut);
  auto reason = detail::unmet(requirement::capacity_at_least(1 << 20));
  ASSERT_TRUE(reason);
  EXPECT_NE(reason->find("4096 bytes"), std::string::npos);
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

// The runner's coverage gate reads the requirement back from this text (contract/capabilities.h).
TEST(RequireDut, SkipTextNamesTheRequirementByItsPlainName) {
  set_dut(DutDescription{});
  const auto bare = detail::check_requirement("data_loss_allowed", requirement::data_loss_allowed());
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->starts_with("requires data_loss_allowed: destructive test")) << *bare;
  const auto call = detail::check_requirement("requirement::capacity_at_least(1 << 30)",
                                              requirement::capacity_at_least(1 << 30));
  ASSERT_TRUE(call);
  EXPECT_TRUE(call->starts_with("requires capacity_at_least: ")) << *call;
  EXPECT_FALSE(detail::check_requirement("root", std::nullopt).has_value());
}

}  // namespace
}  // namespace dextqual::testing
