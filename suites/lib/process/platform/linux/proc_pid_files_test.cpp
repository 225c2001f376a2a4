// The /proc/<pid> formats read_process_state() parses, on text as the kernel writes it (the stack
// and wait channel below are those of `dd conv=fsync` stuck on simdext's hanging flush).
#include "process/platform/linux/proc_pid_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dextqual::process::linux_proc {
namespace {

TEST(ProcPidFiles, StateFollowsTheLastParenthesis) {
  EXPECT_EQ(state_from_stat("14179 (dd) D 14170 14170 1 0 -1 4194560"), 'D');
  EXPECT_EQ(state_from_stat("7 (a) b (c)) S 1 7"), 'S');  // comm may hold ") "
  EXPECT_EQ(state_from_stat("garbage"), '?');
  EXPECT_EQ(state_from_stat("1 (x)"), '?');
}

TEST(ProcPidFiles, WaitChannelZeroMeansNone) {
  EXPECT_EQ(wait_channel_from_wchan("submit_bio_wait"), "submit_bio_wait");
  EXPECT_EQ(wait_channel_from_wchan("0"), "");
  EXPECT_EQ(wait_channel_from_wchan(""), "");
}

TEST(ProcPidFiles, StackGivesFunctionNamesInnermostFirst) {
  const auto stack = functions_from_stack(
      "[<0>] submit_bio_wait+0x74/0xc0\n[<0>] blkdev_issue_flush+0x7c/0xb0\n"
      "[<0>] blkdev_fsync+0x46/0x60\n[<0>] do_fsync+0x3b/0xa0\n");
  EXPECT_EQ(stack,
            (std::vector<std::string>{"submit_bio_wait", "blkdev_issue_flush", "blkdev_fsync", "do_fsync"}));
  EXPECT_TRUE(functions_from_stack("").empty());
}

TEST(ProcPidFiles, ReadsWhatIsThereAndLeavesTheRestUnknown) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "proc-pid-files-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "stat") << "99 (suite) D 1 99 99 0\n";
  std::ofstream(dir / "wchan") << "submit_bio_wait";
  std::filesystem::remove(dir / "stack");  // not root: unreadable
  const auto state = read_pid_dir(dir, 99);
  EXPECT_EQ(state.state, 'D');
  EXPECT_EQ(state.wait_channel, "submit_bio_wait");
  EXPECT_TRUE(state.kernel_stack.empty());
  EXPECT_EQ(read_pid_dir(dir / "missing", 5).unavailable.find("no "), 0u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dextqual::process::linux_proc
