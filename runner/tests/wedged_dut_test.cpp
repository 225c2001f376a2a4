// Issue 10 §5: what the reports say when a suite binary outlives SIGKILL. The stuck pid and the
// kernel's view of it reach the wedge reason; every test not run yet is DEVICE-LOST with it; the run
// carries it as run.dut_wedged. (End to end on a really wedged simdext: runner_wedged_dut.)
#include "runner/wedged_dut.h"

#include <gtest/gtest.h>

#include "runner/run_state.h"

namespace dextqual::runner {
namespace {

LaunchEnd stuck_in_flush() {
  LaunchEnd end;
  end.outcome.kind = process::OutcomeKind::abandoned;
  end.outcome.pid = 4242;
  end.outcome.stuck = {.pid = 4242,
                       .state = 'D',
                       .wait_channel = "submit_bio_wait",
                       .kernel_stack = {"submit_bio_wait", "blkdev_issue_flush", "blkdev_fsync"}};
  end.interrupted = "BufferedBlockNode.SizeSweep";
  return end;
}

TEST(WedgedDut, ReasonNamesThePidTheTestAndTheKernelPath) {
  EXPECT_EQ(wedge_reason("buffered", stuck_in_flush()),
            "the buffered suite binary (pid 4242) did not exit after SIGKILL during buffered :: "
            "BufferedBlockNode.SizeSweep: state D (uninterruptible sleep), wait channel submit_bio_wait, "
            "kernel stack submit_bio_wait < blkdev_issue_flush < blkdev_fsync");
  auto between = stuck_in_flush();
  between.interrupted.reset();
  EXPECT_NE(wedge_reason("buffered", between).find("during buffered outside any test"), std::string::npos);
}

TEST(WedgedDut, TestsNotRunAreDeviceLostWithTheReason) {
  const auto result = not_run_on_wedged_dut("fio", "FioWriteVerify.Direct", "pid 4242 stuck");
  EXPECT_EQ(result.verdict, reports::Verdict::device_lost);
  EXPECT_EQ(result.kind, "device-lost");
  EXPECT_EQ(result.message, "not run: DUT wedged: pid 4242 stuck");
  EXPECT_TRUE(reports::is_failure(result.verdict));
}

TEST(WedgedDut, TheRunRecordsTheWedge) {
  RunState state;
  state.apply(RunState::run_event({}, {}, nlohmann::json::object(), {{"fio", "fio", {"A.B"}}}));
  state.apply(RunState::wedged_event("pid 4242 stuck"));
  EXPECT_EQ(state.snapshot().run.properties.at("dut_wedged"), "pid 4242 stuck");
}

}  // namespace
}  // namespace dextqual::runner
