// Publishes what the running test has done (bytes verified so far) to $DEXTQUAL_PROGRESS_FILE every
// few seconds, so that the runner's CI-log heartbeat can say "still running X, 240 s, 12.3 GiB
// verified" (issue 14 §4). A GoogleTest listener: the count restarts at each test's start.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace dextqual::testing {

class ProgressPublisher : public ::testing::EmptyTestEventListener {
 public:
  explicit ProgressPublisher(std::filesystem::path file,
                             std::chrono::milliseconds interval = std::chrono::seconds(2));
  ~ProgressPublisher() override;

  void OnTestStart(const ::testing::TestInfo& test) override;
  void OnTestEnd(const ::testing::TestInfo& test) override;

 private:
  void publish_locked();
  void loop(std::stop_token stop);

  std::filesystem::path file_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::string test_;  // empty between tests
  std::uint64_t verified_at_start_ = 0;
  std::jthread thread_;
};

// Appends a publisher to GoogleTest's listeners when $DEXTQUAL_PROGRESS_FILE is set (suite_main).
void publish_progress_if_asked();

}  // namespace dextqual::testing
