// Guards parsing fio's JSON from recorded fio 3.33 outputs, including text printed before the JSON.
#include "fio/fio_report.h"

#include <gtest/gtest.h>

#include "fio/fio_test_recording.h"

namespace dextqual::fio {
namespace {

using testing::recording;

TEST(FioReport, ParsesAWriteVerifyJob) {
  auto report = parse_fio_output(recording("ok").out);
  ASSERT_TRUE(report) << report.error().message();
  EXPECT_EQ(report->version, "fio-3.33");
  ASSERT_EQ(report->jobs.size(), 1u);
  EXPECT_EQ(report->jobs[0].name, "write-verify");
  EXPECT_EQ(report->jobs[0].write.io_bytes, 4u << 20);
  EXPECT_EQ(report->read_bytes(), 4u << 20) << "the verify reads of a write+verify job count as reads";
  EXPECT_FALSE(report->jobs[0].total_err);
}

TEST(FioReport, TextBeforeTheJsonIsKeptAsPreamble) {
  // FIO.md §3: "fio: terminating on signal 2" and job lines come before the JSON.
  auto signal = parse_fio_output(recording("signal").out);
  ASSERT_TRUE(signal) << signal.error().message();
  EXPECT_EQ(signal->preamble, "fio: terminating on signal 2");
  auto error_job = parse_fio_output(recording("error-job").out);
  ASSERT_TRUE(error_job) << error_job.error().message();
  EXPECT_NE(error_job->preamble.find("a: (g=0): rw=read"), std::string::npos);
  EXPECT_EQ(error_job->jobs[0].error, 22);
}

TEST(FioReport, WarningBeforeTheJsonDoesNotBreakParsing) {
  // FIO.md §3: warnings land before the JSON, even in --output files.
  auto report = parse_fio_output(recording("multiple-writers").out);
  ASSERT_TRUE(report) << report.error().message();
  EXPECT_EQ(report->preamble.rfind("fio: multiple writers may overwrite blocks", 0), 0u) << report->preamble;
  EXPECT_EQ(report->jobs.size(), 2u);
}

TEST(FioReport, ContinueOnErrorAddsTotalErr) {
  auto report = parse_fio_output(recording("continue").out);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->jobs[0].total_err, 1u);
  EXPECT_EQ(report->jobs[0].first_error, 84);
}

TEST(FioReport, NoJsonIsAnErrorQuotingTheOutput) {
  auto report = parse_fio_output("fio: failed parsing ioengine=nope\n");
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message().find("failed parsing ioengine"), std::string::npos);
  EXPECT_FALSE(parse_fio_output("{\"fio version\": \"x\"}"));
  EXPECT_FALSE(parse_fio_output("{ truncated"));
}

}  // namespace
}  // namespace dextqual::fio
