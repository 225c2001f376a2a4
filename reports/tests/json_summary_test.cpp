// The JSON summary carries every result, finding and measured figure, and survives hostile bytes.
#include "reports/json_summary.h"

#include <gtest/gtest.h>

#include "reports/report_json.h"
#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

TEST(JsonSummary, CarriesResultsFindingsAndMeasurements) {
  const auto summary = render_json_summary(testing::sample_report());
  EXPECT_EQ(summary["schema"], "dextqual-report/1");
  EXPECT_EQ(summary["tests"].size(), 10u);
  EXPECT_EQ(summary["counts"]["passed"], 1);  // PASS only
  EXPECT_EQ(summary["counts"]["failed"], 6);
  EXPECT_EQ(summary["counts"]["skipped"], 1);
  EXPECT_EQ(summary["counts"]["by_verdict"]["DEVICE-LOST"], 1);
  ASSERT_EQ(summary["findings"].size(), 1u);
  EXPECT_EQ(summary["findings"][0]["first_lba"], 2048);
  EXPECT_EQ(summary["findings"][0]["class"], "stale");
  EXPECT_EQ(summary["measurements"].size(), 2u);
  EXPECT_FALSE(summary["tests"][1].contains("log"));
  // Invalid UTF-8 in the DUT serial must not make dump() throw.
  EXPECT_NO_THROW((void)dump_safely(summary, 2));
  EXPECT_TRUE(nlohmann::json::accept(dump_safely(summary, 2)));
}

// XFAIL and WARN have counts of their own (the five add up to the tests), the WARN its label and no
// failure flag, and its warnings are flattened like findings and measurements.
TEST(JsonSummary, CountsExpectedFailuresAndWarningsApart) {
  const auto summary = render_json_summary(testing::sample_report());
  const auto& counts = summary["counts"];
  EXPECT_EQ(counts["expected_failures"], 1);
  EXPECT_EQ(counts["warnings"], 1);
  EXPECT_EQ(counts["by_verdict"]["XFAIL"], 1);
  EXPECT_EQ(counts["by_verdict"]["WARN"], 1);
  EXPECT_EQ(counts["passed"].get<int>() + counts["failed"].get<int>() + counts["skipped"].get<int>() +
                counts["expected_failures"].get<int>() + counts["warnings"].get<int>(),
            static_cast<int>(summary["tests"].size()));
  EXPECT_EQ(summary["suites"][0]["expected_failures"], 1);
  EXPECT_EQ(summary["suites"][0]["warnings"], 1);
  EXPECT_EQ(summary["suites"][1]["warnings"], 0);
  const auto& warn = summary["tests"][9];
  EXPECT_EQ(warn["verdict"], "WARN");
  EXPECT_EQ(warn["failure"], false);
  ASSERT_EQ(summary["warnings"].size(), 2u);
  EXPECT_EQ(summary["warnings"][0]["test"], "Rdprotect.WithoutProtection");
  EXPECT_NE(summary["warnings"][0]["warning"].get<std::string>().find("SBC-3 5.8 should"), std::string::npos);
  EXPECT_NE(summary["warnings"][1]["warning"].get<std::string>().find("SPC-4 4.5.6 should"),
            std::string::npos);
}

TEST(JsonSummary, TestResultsRoundTripForTheJournal) {
  const auto report = testing::sample_report();
  for (const auto& test : report.suites.front().tests) {
    auto back = test_from_json(nlohmann::json::parse(dump_safely(to_json(test))));
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(back->name, test.name);
    EXPECT_EQ(back->verdict, test.verdict);
    EXPECT_EQ(back->measurements.size(), test.measurements.size());
    EXPECT_EQ(back->findings.size(), test.findings.size());
    EXPECT_EQ(back->properties.size(), test.properties.size());
  }
  EXPECT_FALSE(test_from_json(nlohmann::json{{"suite", "x"}}));
  EXPECT_FALSE(test_from_json(nlohmann::json{{"suite", "x"}, {"name", "y"}, {"verdict", "MAYBE"}}));
}

}  // namespace
}  // namespace dextqual::reports
