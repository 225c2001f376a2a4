// Following GoogleTest's stdout: results as they are printed, the running test at a crash.
#include "runner/gtest_progress.h"

#include <gtest/gtest.h>

#include <vector>

namespace dextqual::runner {
namespace {

TEST(GtestProgress, ReportsEachTestAsItEndsWhateverTheChunking) {
  const std::string out =
      "[==========] Running 3 tests\n[ RUN      ] A.Pass\nhello\n[       OK ] A.Pass (12 ms)\n"
      "[ RUN      ] A.Fail\nt.cc:6: Failure\nExpected equality\n  Actual: 2\n[  FAILED  ] A.Fail (1 ms)\n"
      "[ RUN      ] A.Skip\nt.cc:9: Skipped\nno device\n[  SKIPPED ] A.Skip (0 ms)\n"
      "[  FAILED  ] A.Fail\n[ RUN      ] A.Crash\npartial";
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, out.size()}) {
    GtestProgress progress;
    std::vector<GtestTestEnd> ends;
    std::vector<std::string> starts;
    progress.on_started = [&](const std::string& name) { starts.push_back(name); };
    progress.on_finished = [&](const GtestTestEnd& end) { ends.push_back(end); };
    for (std::size_t at = 0; at < out.size(); at += chunk)
      progress.feed_stdout(std::string_view(out).substr(at, chunk));
    ASSERT_EQ(ends.size(), 3u);
    EXPECT_EQ(starts.size(), 4u);
    EXPECT_EQ(ends[0].status, GtestStatus::passed);
    EXPECT_DOUBLE_EQ(ends[0].seconds, 0.012);
    EXPECT_EQ(ends[0].output, "hello\n");
    EXPECT_EQ(ends[1].status, GtestStatus::failed);
    EXPECT_EQ(failure_summary(ends[1].output), "Expected equality Actual: 2 (t.cc:6)");
    EXPECT_EQ(skip_reason(ends[2].output), "no device");
    ASSERT_TRUE(progress.running());  // the summary line did not end anything; A.Crash is running
    EXPECT_EQ(*progress.running(), "A.Crash");
    EXPECT_EQ(progress.running_output(), "partial");
  }
}

TEST(GtestProgress, ParameterizedTestsEndWithTheirParameter) {
  GtestProgress progress;
  std::vector<GtestTestEnd> ends;
  progress.on_finished = [&](const GtestTestEnd& end) { ends.push_back(end); };
  progress.feed_stdout(
      "[ RUN      ] Cdb/Read.FirstBlock/Size6\nx\n"
      "[  FAILED  ] Cdb/Read.FirstBlock/Size6, where GetParam() = 1-byte object <06> (22932 ms)\n"
      "[  FAILED  ] Cdb/Read.FirstBlock/Size6, where GetParam() = 1-byte object <06>\n");
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].status, GtestStatus::failed);
  EXPECT_DOUBLE_EQ(ends[0].seconds, 22.932);
}

TEST(GtestProgress, MarkerAfterOutputWithoutNewline) {
  GtestProgress progress;
  std::vector<GtestTestEnd> ends;
  progress.on_finished = [&](const GtestTestEnd& end) { ends.push_back(end); };
  progress.feed_stdout("[ RUN      ] A.B\nno newline[       OK ] A.B (3 ms)\n");
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].output, "no newline\n");
}

}  // namespace
}  // namespace dextqual::runner
