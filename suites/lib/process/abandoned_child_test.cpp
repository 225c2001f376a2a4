// A child that SIGKILL cannot end (issue 10 §5: asleep in the kernel on a wedged device) must not
// hold run_child() for good: it is abandoned after `abandon_after`, named with its pid and state,
// and reaped once it does exit. A real uninterruptible sleep needs a wedged device (runner e2e
// `runner_wedged_dut`); here kill_signal = 0 stands in for a SIGKILL that does not take.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "process/abandoned_children.h"
#include "process/child_process.h"

namespace dextqual::process {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

ChildSpec unkillable(const std::string& script) {
  ChildSpec spec{.argv = {"/bin/sh", "-c", script}};
  spec.timeout = 200ms;
  spec.grace = 200ms;
  spec.abandon_after = 300ms;
  spec.kill_signal = 0;  // SIGKILL "does not take"
  return spec;
}

bool gone(int pid) { return !std::filesystem::exists("/proc/" + std::to_string(pid)); }

TEST(AbandonedChild, RunChildReturnsAfterTheAbandonBoundAndNamesThePid) {
  const auto started = Clock::now();
  auto outcome = run_child(unkillable("trap '' TERM; echo before; sleep 30"));
  const auto waited = Clock::now() - started;
  EXPECT_EQ(outcome.kind, OutcomeKind::abandoned);
  EXPECT_EQ(outcome.abandoned_after, OutcomeKind::timed_out);
  EXPECT_TRUE(outcome.needed_sigkill);
  EXPECT_LT(waited, 3s);  // 200 ms timeout + 200 ms grace + 300 ms, not the child's 30 s
  EXPECT_EQ(outcome.out.text(), "before\n");
  EXPECT_EQ(outcome.stuck.pid, outcome.pid);
  EXPECT_EQ(outcome.stuck.state, 'S');  // here: asleep in wait(); on a wedged device: D
  const auto text = outcome.describe();
  EXPECT_NE(text.find("timed out after 200ms"), std::string::npos) << text;
  EXPECT_NE(text.find("pid " + std::to_string(outcome.pid) + " was still there 300ms after SIGKILL"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("state S (sleeping)"), std::string::npos) << text;
  EXPECT_FALSE(outcome.succeeded());
  ::killpg(outcome.pid, SIGKILL);
}

TEST(AbandonedChild, AStopRequestEndsInAbandonmentToo) {
  std::stop_source stop;
  auto spec = unkillable("trap '' TERM; sleep 30");
  spec.timeout = 0ms;
  spec.stop = stop.get_token();
  std::jthread requester([&] {
    std::this_thread::sleep_for(100ms);
    stop.request_stop();
  });
  auto outcome = run_child(spec);
  EXPECT_EQ(outcome.kind, OutcomeKind::abandoned);
  EXPECT_EQ(outcome.abandoned_after, OutcomeKind::stopped);
  EXPECT_EQ(outcome.describe().rfind("stopped by the runner", 0), 0u) << outcome.describe();
  ::killpg(outcome.pid, SIGKILL);
}

TEST(AbandonedChild, TheReaperCollectsItOnceItExits) {
  auto outcome = run_child(unkillable("trap '' TERM; sleep 30"));
  ASSERT_EQ(outcome.kind, OutcomeKind::abandoned);
  EXPECT_GE(abandoned_children_waiting(), 1u);
  EXPECT_FALSE(gone(outcome.pid));
  ::killpg(outcome.pid, SIGKILL);  // the device "came back": the child can die now
  for (int i = 0; i < 50 && !gone(outcome.pid); ++i) std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(gone(outcome.pid)) << "pid " << outcome.pid << " left as a zombie";
  for (int i = 0; i < 30 && abandoned_children_waiting() > 0; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_EQ(abandoned_children_waiting(), 0u);
}

TEST(AbandonedChild, AChildThatDiesOfSigkillIsNotAbandoned) {
  auto spec = unkillable("trap '' TERM; sleep 30");
  spec.kill_signal = SIGKILL;
  auto outcome = run_child(spec);
  EXPECT_EQ(outcome.kind, OutcomeKind::timed_out);
  EXPECT_EQ(outcome.signal, SIGKILL);
}

}  // namespace
}  // namespace dextqual::process
