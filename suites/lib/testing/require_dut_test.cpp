// REQUIRE_DUT's three outcomes, observed the way GoogleTest records them (gtest-spi intercepts the
// skip or failure so this test itself passes): unmet skips with "requires <name>: <reason>", met
// records the property the coverage gate reads, an error fails instead of skipping.
#include "testing/require_dut.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "testing/current_test_property.h"
#include "testing/dut_environment.h"

namespace dextqual::testing {
namespace requirement {
// Predicates of this test only, in the namespace REQUIRE_DUT looks in.
RequirementAnswer lifecycle_broken() {
  return RequirementAnswer::error("cannot run the station's hook: exit 127");
}
RequirementAnswer answers(RequirementAnswer answer) { return answer; }
}  // namespace requirement

namespace {

// Runs `body` with its results intercepted; returns them.
template <class Body>
std::vector<::testing::TestPartResult> intercepted(Body body) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    body();
  }
  std::vector<::testing::TestPartResult> out;
  for (int i = 0; i < results.size(); ++i) out.push_back(results.GetTestPartResult(i));
  return out;
}

TEST(RequireDut, UnmetSkipsWithTheRequirementsNameAndReason) {
  set_dut(DutDescription{});
  bool ran_on = false;
  const auto results = intercepted([&] {
    REQUIRE_DUT(data_loss_allowed);
    ran_on = true;
  });
  EXPECT_FALSE(ran_on);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].skipped());
  EXPECT_TRUE(std::string(results[0].message()).starts_with("requires data_loss_allowed: destructive test"))
      << results[0].message();
  EXPECT_EQ(current_test_property("requires.data_loss_allowed"), "");
}

TEST(RequireDut, CallWithArgumentsSkipsUnderItsPlainName) {
  DutDescription dut;
  dut.capacity_blocks = 8;
  set_dut(dut);
  const auto results = intercepted([] { REQUIRE_DUT(capacity_at_least(1 << 20)); });
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].skipped());
  EXPECT_TRUE(
      std::string(results[0].message()).starts_with("requires capacity_at_least: the DUT holds 4096 bytes"))
      << results[0].message();
}

TEST(RequireDut, MetRequirementRunsOnAndRecordsTheProperty) {
  DutDescription dut;
  dut.allow_data_loss = true;
  dut.capacity_blocks = 1 << 20;
  set_dut(dut);
  bool ran_on = false;
  const auto results = intercepted([&] {
    REQUIRE_DUT(data_loss_allowed);
    REQUIRE_DUT(capacity_at_least(512));
    ran_on = true;
  });
  EXPECT_TRUE(ran_on);
  EXPECT_TRUE(results.empty());
  EXPECT_EQ(current_test_property("requires.data_loss_allowed"), "met");
  EXPECT_EQ(current_test_property("requires.capacity_at_least"), "met");
}

TEST(RequireDut, APredicateThatCannotTellFailsTheTestInsteadOfSkipping) {
  set_dut(DutDescription{});
  bool ran_on = false;
  const auto results = intercepted([&] {
    REQUIRE_DUT(lifecycle_broken);
    ran_on = true;
  });
  EXPECT_FALSE(ran_on);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].fatally_failed());
  EXPECT_FALSE(results[0].skipped());
  EXPECT_NE(
      std::string(results[0].message()).find("requirement lifecycle_broken could not be checked: cannot run"),
      std::string::npos)
      << results[0].message();
  EXPECT_EQ(current_test_property("requires.lifecycle_broken"), "");
}

TEST(RequireDut, AnswersOfEveryKindPassThroughACall) {
  const auto unmet = intercepted([] { REQUIRE_DUT(answers(RequirementAnswer::unmet("no"))); });
  ASSERT_EQ(unmet.size(), 1u);
  EXPECT_STREQ(unmet[0].message(), "requires answers: no");
  EXPECT_TRUE(intercepted([] { REQUIRE_DUT(answers(RequirementAnswer::met())); }).empty());
}

TEST(RequireDut, ReasonsSayWhatIsMissing) {
  set_dut(DutDescription{});
  auto reason = requirement::hook("power_cycle");
  ASSERT_TRUE(reason);
  EXPECT_NE(reason->find("power_cycle"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::testing
