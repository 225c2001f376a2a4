// ProcessState's one line for a report: the state by name, the wait channel, the kernel stack
// without its system-call entry frames (what the TIMEOUT of a wedged test shows).
#include "process/process_state.h"

#include <unistd.h>

#include <gtest/gtest.h>

namespace dextqual::process {
namespace {

TEST(ProcessState, DescribesAStuckFlush) {
  ProcessState state{.pid = 42, .state = 'D', .wait_channel = "submit_bio_wait"};
  state.kernel_stack = {"submit_bio_wait",
                        "blkdev_issue_flush",
                        "blkdev_fsync",
                        "do_fsync",
                        "__x64_sys_fsync",
                        "do_syscall_64",
                        "entry_SYSCALL_64_after_hwframe"};
  EXPECT_EQ(state.describe(),
            "state D (uninterruptible sleep), wait channel submit_bio_wait, kernel stack "
            "submit_bio_wait < blkdev_issue_flush < blkdev_fsync < do_fsync");
}

TEST(ProcessState, SaysWhatItCouldNotRead) {
  ProcessState state{.pid = 42, .unavailable = "not readable here"};
  EXPECT_EQ(state.describe(), "state unknown (not readable here)");
  EXPECT_EQ(ProcessState{.state = 'Z'}.describe(), "state Z (zombie)");
}

TEST(ProcessState, ReadsALiveProcess) {
  const auto self = read_process_state(::getpid());
  EXPECT_EQ(self.pid, ::getpid());
  EXPECT_EQ(self.state, 'R');  // it is reading its own state
  EXPECT_EQ(read_process_state(-5).state, '?');
}

}  // namespace
}  // namespace dextqual::process
