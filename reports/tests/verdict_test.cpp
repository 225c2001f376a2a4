// The one vocabulary: every verdict's label reads back (the journal, summary.json and `dextqual merge`
// parse labels), and only the verdicts that fail a run carry the failure flag.
#include "reports/verdict.h"

#include <gtest/gtest.h>

namespace dextqual::reports {
namespace {

constexpr Verdict kAll[] = {Verdict::pass,        Verdict::warn,  Verdict::fail,    Verdict::skipped,
                            Verdict::xfail,       Verdict::xpass, Verdict::timeout, Verdict::unresolved,
                            Verdict::device_lost, Verdict::error};

TEST(Verdict, EveryLabelReadsBack) {
  for (const auto verdict : kAll) {
    EXPECT_EQ(verdict_from_label(label(verdict)), verdict) << label(verdict);
  }
  EXPECT_EQ(verdict_from_label("WARN"), Verdict::warn);
  EXPECT_EQ(verdict_from_label("warn"), std::nullopt);  // labels are exact
  EXPECT_EQ(verdict_from_label("MAYBE"), std::nullopt);
}

// A *should* deviation (WARN) and a known failure (XFAIL) leave the exit code at 0.
TEST(Verdict, WarnIsNotAFailure) {
  EXPECT_FALSE(is_failure(Verdict::warn));
  EXPECT_FALSE(is_failure(Verdict::xfail));
  EXPECT_FALSE(is_failure(Verdict::pass));
  EXPECT_FALSE(is_failure(Verdict::skipped));
  for (const auto verdict : {Verdict::fail, Verdict::xpass, Verdict::timeout, Verdict::unresolved,
                             Verdict::device_lost, Verdict::error}) {
    EXPECT_TRUE(is_failure(verdict)) << label(verdict);
  }
}

}  // namespace
}  // namespace dextqual::reports
