// `dextqual merge`'s library: runs read back from summary.json, labelled, and merged into one JUnit
// (valid against junit-10.xsd), an HTML matrix and a dextqual-merge/1 summary.
#include "reports/run_merge.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "reports/json_summary.h"
#include "reports/tests/junit_schema_check.h"

namespace dextqual::reports {
namespace {

Report run_on(const std::string& station, const std::string& profile, Verdict sweep) {
  Report report;
  report.run.id = "run-" + profile;
  report.run.hostname = "host-1";
  report.run.properties["station"] = station;
  report.dut.kind = "simdext";
  report.dut.product = "SIMDEXT RAID0";
  report.dut.profile = profile;
  TestResult pass{
      .suite = "limits", .name = "PublishedLimits.AtLeastOneSourceWasRead", .verdict = Verdict::pass};
  TestResult swept{.suite = "rawio", .name = "RawTransferSizes.Sweep", .verdict = sweep};
  if (is_failure(sweep)) swept.message = "write of 131072 bytes failed: EIO <at once>";
  report.suites = {{"limits", "/bin/limits", {pass}}, {"rawio", "/bin/rawio", {swept}}};
  return report;
}

class RunMerge : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/dq-merge-test.XXXXXX";
    dir_ = ::mkdtemp(pattern);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write_run(const std::string& name, const Report& report) {
    std::filesystem::create_directories(dir_ / name);
    EXPECT_TRUE(write_json_summary(dir_ / name / "summary.json", report));
    return dir_ / name;
  }
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::filesystem::path dir_;
};

TEST_F(RunMerge, ReadsARunBackFromItsDirectoryOrItsSummary) {
  const auto dir = write_run("clean", run_on("station-a", "clean", Verdict::pass));
  for (const auto& path : {dir, dir / "summary.json"}) {
    auto run = load_run(path);
    ASSERT_TRUE(run) << run.error().message();
    EXPECT_EQ(run->label, "station-a:SIMDEXT RAID0 [clean]");
    ASSERT_EQ(run->report.suites.size(), 2u);
    EXPECT_EQ(run->report.suites[1].binary, "/bin/rawio");
    EXPECT_EQ(run->report.suites[1].tests.at(0).name, "RawTransferSizes.Sweep");
  }
}

TEST_F(RunMerge, BadInputIsAnErrorNamingTheFile) {
  EXPECT_NE(load_run(dir_ / "missing").error().message().find("missing/summary.json"), std::string::npos);
  std::ofstream(dir_ / "broken.json") << "{\"schema\": \"dextqual-report/1\", \"tests\": [";
  EXPECT_NE(load_run(dir_ / "broken.json").error().message().find("broken.json: not valid JSON"),
            std::string::npos);
  std::ofstream(dir_ / "other.json") << R"({"schema": "something/2", "tests": []})";
  EXPECT_NE(load_run(dir_ / "other.json").error().message().find("\"something/2\""), std::string::npos);
  std::ofstream(dir_ / "typed.json") << R"({"schema": "dextqual-report/1", "tests": [{"suite": 1}]})";
  EXPECT_FALSE(load_run(dir_ / "typed.json"));
}

TEST_F(RunMerge, RepeatedLabelsBecomeUnique) {
  std::vector<LoadedRun> runs(3);
  for (auto& run : runs) run.label = "a:b [c]";
  runs[0].report.run.id = "r1";
  runs[1].report.run.id = "r2";
  make_labels_unique(runs);
  EXPECT_EQ(runs[0].label, "a:b [c] (run r1)");
  EXPECT_EQ(runs[1].label, "a:b [c] (run r2)");
  EXPECT_EQ(runs[2].label, "a:b [c]");
}

TEST_F(RunMerge, WritesOneValidJunitAMatrixAndASummary) {
  std::vector<LoadedRun> runs;
  for (const auto& [name, verdict] : {std::pair{"clean", Verdict::pass}, std::pair{"f2", Verdict::fail}}) {
    auto run = load_run(write_run(name, run_on("station-a", name, verdict)));
    ASSERT_TRUE(run) << run.error().message();
    runs.push_back(std::move(*run));
  }
  make_labels_unique(runs);
  ASSERT_TRUE(write_merged_reports(runs, dir_ / "out"));
  EXPECT_EQ(merged_exit_code(runs), 1);
  EXPECT_EQ(merged_exit_code({runs[0]}), 0);

  EXPECT_EQ(testing::junit_schema_problems((dir_ / "out" / "junit.xml").string()), "");
  const auto junit = read(dir_ / "out" / "junit.xml");
  EXPECT_NE(junit.find("name=\"station-a:SIMDEXT RAID0 [f2] / rawio\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("classname=\"station-a:SIMDEXT RAID0 [clean] / rawio.RawTransferSizes\""),
            std::string::npos);

  const auto html = read(dir_ / "out" / "report.html");
  EXPECT_EQ(html.find("<style"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // The row that failed somewhere comes first (row 1), its F2 cell links to the failure below.
  EXPECT_NE(html.find("<a href=\"#f-1-2\">FAIL</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("id=\"f-1-2\""), std::string::npos);
  EXPECT_LT(html.find("rawio :: RawTransferSizes.Sweep"), html.find("limits :: PublishedLimits"));
  EXPECT_NE(html.find("write of 131072 bytes failed: EIO &lt;at once&gt;"), std::string::npos);

  const auto summary = nlohmann::json::parse(read(dir_ / "out" / "summary.json"));
  EXPECT_EQ(summary["schema"], "dextqual-merge/1");
  ASSERT_EQ(summary["runs"].size(), 2u);
  ASSERT_EQ(summary["matrix"].size(), 2u);
  EXPECT_EQ(summary["matrix"][1]["test"], "rawio :: RawTransferSizes.Sweep");
  EXPECT_EQ(summary["matrix"][1]["runs"]["station-a:SIMDEXT RAID0 [f2]"]["verdict"], "FAIL");
}

// XFAIL and WARN survive summary.json (their labels read back), count apart in the merge's summary and
// run header, fail no run, and the merged JUnit shows the XFAIL as a skip.
TEST_F(RunMerge, ExpectedFailuresAndWarningsReadBackAndCountApart) {
  auto report = run_on("station-a", "clean", Verdict::xfail);
  report.suites[1].tests[0].message = "expected failure (blame: driver): F2";
  report.suites[0].tests[0].verdict = Verdict::warn;
  report.suites[0].tests[0].properties["warning"] = "SPC-4 should: VERSION 06h";
  auto run = load_run(write_run("clean", report));
  ASSERT_TRUE(run) << run.error().message();
  EXPECT_EQ(run->report.suites[0].tests[0].verdict, Verdict::warn);
  EXPECT_EQ(run->report.suites[1].tests[0].verdict, Verdict::xfail);
  const std::vector<LoadedRun> runs{*run};
  EXPECT_EQ(merged_exit_code(runs), 0);
  ASSERT_TRUE(write_merged_reports(runs, dir_ / "out"));
  const auto summary = nlohmann::json::parse(read(dir_ / "out" / "summary.json"));
  const auto& counts = summary["runs"][0]["counts"];
  EXPECT_EQ(counts["passed"], 0);
  EXPECT_EQ(counts["expected_failures"], 1);
  EXPECT_EQ(counts["warnings"], 1);
  const auto html = read(dir_ / "out" / "report.html");
  EXPECT_NE(html.find("<th>expected failures</th><th>warnings</th>"), std::string::npos);
  EXPECT_NE(html.find("<td>1</td><td>1</td></tr>"), std::string::npos) << html;
  EXPECT_NE(read(dir_ / "out" / "junit.xml").find("<skipped type=\"xfail\""), std::string::npos);
  EXPECT_EQ(testing::junit_schema_problems((dir_ / "out" / "junit.xml").string()), "");
}

}  // namespace
}  // namespace dextqual::reports
