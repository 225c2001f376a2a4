#include "runner/rerun_selection.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

nlohmann::json summary_of(nlohmann::json tests) {
  return {{"schema", "dextqual-report/1"}, {"tests", tests}};
}

nlohmann::json test(const char* suite, const char* name, const char* verdict) {
  return {{"suite", suite}, {"name", name}, {"verdict", verdict}};
}

TEST(RerunSelection, SelectsExactlyTheTestsWithAFailingVerdict) {
  const auto summary =
      summary_of({test("rawio", "TransferSize.Sweep", "FAIL"), test("rawio", "Read.Works", "PASS"),
                  test("rawio", "Write.Big", "TIMEOUT"), test("scsi", "Read.Fua", "SKIPPED"),
                  test("scsi", "Inquiry.Vpd", "XFAIL"), test("buffered", "Copy.Large", "ERROR"),
                  test("dextqual", "coverage.require destructive", "FAIL")});
  const auto selection = rerun_selection_of(summary, "s.json");
  ASSERT_TRUE(selection.has_value()) << selection.error().reason;
  EXPECT_EQ(selection->tests,
            (std::map<std::string, std::vector<std::string>>{
                {"buffered", {"Copy.Large"}}, {"rawio", {"TransferSize.Sweep", "Write.Big"}}}));
  RunOptions options;
  const auto narrowed = narrowed_to(options, *selection);
  ASSERT_TRUE(narrowed.has_value());
  EXPECT_EQ(narrowed->suites, (std::vector<std::string>{"buffered", "rawio"}));
  EXPECT_EQ(narrowed->suite_filters.at("rawio"), "TransferSize.Sweep:Write.Big");
}

TEST(RerunSelection, AFailedPlaceholderSelectsTheWholeSuite) {
  const auto selection = rerun_selection_of(
      summary_of({test("fio", "[listing]", "UNRESOLVED"), test("fio", "Qd.One", "FAIL")}), "s");
  ASSERT_TRUE(selection.has_value());
  EXPECT_TRUE(selection->tests.at("fio").empty());
  const auto narrowed = narrowed_to(RunOptions{}, *selection);
  ASSERT_TRUE(narrowed.has_value());
  EXPECT_FALSE(narrowed->suite_filters.contains("fio"));
}

TEST(RerunSelection, NothingFailedOrAMalformedFileIsAUsageError) {
  for (const auto& [json, expected] : std::vector<std::pair<nlohmann::json, std::string>>{
           {summary_of({test("rawio", "A.B", "PASS")}), "nothing failed in s; no test to rerun"},
           {summary_of({test("dextqual", "coverage.max-skips 1", "FAIL")}), "but the coverage gate"},
           {nlohmann::json{{"run", 1}}, "not a dextqual summary.json: no \"tests\" array"},
           {summary_of({{{"suite", "rawio"}}}), "a test without suite, name and verdict"},
           {summary_of({test("rawio", "A.B", "MAYBE")}), "unknown verdict 'MAYBE'"}}) {
    const auto selection = rerun_selection_of(json, "s");
    ASSERT_FALSE(selection.has_value()) << json.dump();
    EXPECT_EQ(selection.error().exit_code, kUsageError);
    EXPECT_NE(selection.error().reason.find(expected), std::string::npos) << selection.error().reason;
  }
  const auto unreadable = read_rerun_selection("/nonexistent/summary.json");
  ASSERT_FALSE(unreadable.has_value());
  EXPECT_EQ(unreadable.error().exit_code, kUsageError);
}

TEST(RerunSelection, SuitesNarrowFurtherAndMustLeaveSomething) {
  RerunSelection selection;
  selection.tests = {{"rawio", {"A.B"}}, {"scsi", {"C.D"}}};
  RunOptions options;
  options.suites = {"scsi"};
  auto narrowed = narrowed_to(options, selection);
  ASSERT_TRUE(narrowed.has_value());
  EXPECT_EQ(narrowed->suites, std::vector<std::string>{"scsi"});
  options.suites = {"perf"};
  EXPECT_FALSE(narrowed_to(options, selection).has_value());
}

}  // namespace
}  // namespace dextqual::runner
