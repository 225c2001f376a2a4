// Guards the FIO.md §3 harness rules on recorded fio 3.33 runs: each way fio reports (or hides) a
// failure must fail the run, and the message must quote fio's verify line (F1).
#include "fio/fio_verdict.h"

#include <gtest/gtest.h>

#include "fio/fio_test_recording.h"

namespace dextqual::fio {
namespace {

using testing::recording;

FioVerdict judge(const std::string& name, FioExpectation expectation = {}) {
  const auto r = recording(name);
  return judge_fio_run(r.exit, r.err, parse_fio_output(r.out), expectation);
}

TEST(FioVerdict, CleanWriteVerifyPasses) {
  const FioVerdict verdict = judge("ok", {4u << 20});
  EXPECT_TRUE(verdict.passed) << verdict.message();
}

TEST(FioVerdict, MisplacedBlockQuotesFiosVerifyLine) {
  // F1's symptom in the field: "verify: bad header ... offset 1048576, length 1048576", err=EILSEQ.
  const FioVerdict verdict = judge("misplaced");
  ASSERT_FALSE(verdict.passed);
  EXPECT_EQ(verdict.verify_line.rfind("verify: bad header offset 0, wanted 1048576", 0), 0u)
      << verdict.verify_line;
  EXPECT_NE(verdict.message().find("fio verify failed: `verify: bad header"), std::string::npos);
  EXPECT_NE(verdict.message().find("error 84"), std::string::npos) << verdict.message();
}

TEST(FioVerdict, CrcMismatchAndZerosFail) {
  EXPECT_EQ(judge("verify").verify_line.rfind("crc32c: verify failed at file f.img offset 196608", 0), 0u);
  EXPECT_EQ(judge("zeros").verify_line.rfind("verify: bad magic header 0, wanted acca", 0), 0u);
}

TEST(FioVerdict, ContinueOnErrorExitZeroStillFails) {
  // FIO.md §1: continue_on_error=verify counts errors but exits 0.
  const FioVerdict verdict = judge("continue");
  ASSERT_FALSE(verdict.passed);
  EXPECT_NE(verdict.message().find("total_err 1"), std::string::npos) << verdict.message();
}

TEST(FioVerdict, ErrorJobAndSignalFail) {
  EXPECT_NE(judge("error-job").message().find("job 'a' error 22"), std::string::npos);
  EXPECT_NE(judge("signal").message().find("exited with code 128"), std::string::npos);
}

TEST(FioVerdict, ShortVerifiedByteCountFails) {
  // A verify that silently read less than it should have is not a pass.
  const FioVerdict verdict = judge("ok", {8u << 20});
  ASSERT_FALSE(verdict.passed);
  EXPECT_NE(verdict.message().find("read back 4194304 bytes but 8388608 were to be verified"),
            std::string::npos);
}

TEST(FioVerdict, ExitCountModuloZeroWithAJobErrorFails) {
  // 256 failed jobs exit 0 (FIO.md §1): the job error alone must fail the run.
  auto r = recording("error-job");
  r.exit.exit_code = 0;
  EXPECT_FALSE(judge_fio_run(r.exit, "", parse_fio_output(r.out), {}).passed);
}

}  // namespace
}  // namespace dextqual::fio
