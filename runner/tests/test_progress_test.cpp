// Guards how the heartbeat words a test's progress (issue 14 §4): only the running test's, in binary
// units, nothing when nothing was verified or nothing was published.
#include "runner/test_progress.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "contract/run_contract.h"

namespace dextqual::runner {
namespace {

TEST(TestProgress, ByteCountsInBinaryUnits) {
  EXPECT_EQ(byte_count_text(512), "512 B");
  EXPECT_EQ(byte_count_text(1536), "1.5 KiB");
  EXPECT_EQ(byte_count_text(13207024435ull), "12.3 GiB");
}

TEST(TestProgress, OnlyTheRunningTestsProgressIsShown) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("dextqual-test-progress-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = progress_file(dir);
  EXPECT_EQ(progress_text(file, "A.B"), "") << "nothing published yet";
  ASSERT_TRUE(contract::write_test_progress(file, {"A.B", 3ull << 30}).has_value());
  EXPECT_EQ(progress_text(file, "A.B"), "3.0 GiB verified");
  EXPECT_EQ(progress_text(file, "A.C"), "") << "another test's figure";
  ASSERT_TRUE(contract::write_test_progress(file, {"A.C", 0}).has_value());
  EXPECT_EQ(progress_text(file, "A.C"), "");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dextqual::runner
