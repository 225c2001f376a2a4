// EXPECT_CONFORMS by keyword, observed the way GoogleTest records it (gtest-spi intercepts the failure so
// this test itself passes): a shall deviation fails, a should deviation records a warning and does not
// fail — unless the run is strict — and a passed check records nothing.
#include "testing/conformance.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "testing/current_test_property.h"
#include "testing/dut_environment.h"

namespace dextqual::testing {
namespace {

constexpr Clause kShould{"SBC-3 r36", "5.8", Keyword::should, "RDPROTECT != 0 is INVALID FIELD IN CDB"};
constexpr Clause kShall{"SBC-3 r36", "4.5", Keyword::shall, "an LBA past the end is out of range"};

int failures_of(const Clause& clause, const ::testing::AssertionResult& check) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    EXPECT_CONFORMS(check, clause);
  }
  return results.size();
}

TEST(Conformance, AShouldDeviationWarnsAndDoesNotFail) {
  set_dut(DutDescription{});
  EXPECT_EQ(failures_of(kShould, ::testing::AssertionFailure() << "expected 5h/24h/00h, got GOOD\nREAD(10)"),
            0);
  EXPECT_EQ(current_test_property("warning.1"),
            "SBC-3 r36 5.8 should: RDPROTECT != 0 is INVALID FIELD IN CDB; expected 5h/24h/00h, got GOOD");
  EXPECT_EQ(failures_of(kShould, ::testing::AssertionFailure() << "second"), 0);
  EXPECT_NE(current_test_property("warning.2"), "") << "each warning of a test has its own number";
}

TEST(Conformance, AShallDeviationFailsAndAPassRecordsNothing) {
  set_dut(DutDescription{});
  EXPECT_EQ(failures_of(kShall, ::testing::AssertionFailure() << "got GOOD"), 1);
  EXPECT_EQ(failures_of(kShould, ::testing::AssertionSuccess()), 0);
  EXPECT_EQ(current_test_property("warning.1"), "");
}

TEST(Conformance, StrictRunsFailShouldDeviations) {
  DutDescription dut;
  dut.strict = true;
  set_dut(dut);
  EXPECT_EQ(failures_of(kShould, ::testing::AssertionFailure() << "got GOOD"), 1);
  set_dut(DutDescription{});
}

}  // namespace
}  // namespace dextqual::testing
