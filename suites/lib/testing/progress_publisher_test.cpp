// Guards the suite side of the CI-log heartbeat (issue 14 §4): the bytes the verifier counted during
// the running test, under that test's name, restarting at each test.
#include "testing/progress_publisher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

#include "contract/run_contract.h"
#include "core/work_counters.h"

namespace dextqual::testing {
namespace {

namespace fs = std::filesystem;

TEST(ProgressPublisher, PublishesTheRunningTestsVerifiedBytes) {
  const auto file = fs::temp_directory_path() / ("dextqual-progress-" + std::to_string(::getpid()) + ".json");
  work_counters().bytes_verified += 4096;  // before this test: not its work
  {
    ProgressPublisher publisher(file, std::chrono::milliseconds(10));
    publisher.OnTestStart(*::testing::UnitTest::GetInstance()->current_test_info());
    work_counters().bytes_verified += 1 << 20;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto progress = contract::read_test_progress(file);
    ASSERT_TRUE(progress.has_value()) << progress.error().message();
    EXPECT_EQ(progress->test, "ProgressPublisher.PublishesTheRunningTestsVerifiedBytes");
    EXPECT_EQ(progress->bytes_verified, 1u << 20);
  }
  fs::remove(file);
}

TEST(ProgressPublisher, AnUnreadableFileIsAnError) {
  EXPECT_FALSE(contract::read_test_progress("/nonexistent/progress.json").has_value());
}

}  // namespace
}  // namespace dextqual::testing
