#include "testing/progress_publisher.h"

#include <cstdlib>

#include "contract/run_contract.h"
#include "core/work_counters.h"

namespace dextqual::testing {

ProgressPublisher::ProgressPublisher(std::filesystem::path file, std::chrono::milliseconds interval)
    : file_(std::move(file)), interval_(interval), thread_([this](std::stop_token stop) { loop(stop); }) {}

ProgressPublisher::~ProgressPublisher() {
  thread_.request_stop();
  wake_.notify_all();
}

void ProgressPublisher::OnTestStart(const ::testing::TestInfo& test) {
  std::lock_guard lock(mutex_);
  test_ = std::string(test.test_suite_name()) + "." + test.name();
  verified_at_start_ = work_counters().bytes_verified.load(std::memory_order_relaxed);
  publish_locked();
}

void ProgressPublisher::OnTestEnd(const ::testing::TestInfo& /*test*/) {
  std::lock_guard lock(mutex_);
  publish_locked();
  test_.clear();
}

// Progress is advisory: a failed write (a full state disk) must not fail the test it describes.
void ProgressPublisher::publish_locked() {
  const auto verified = work_counters().bytes_verified.load(std::memory_order_relaxed) - verified_at_start_;
  (void)contract::write_test_progress(file_, {test_, verified});
}

void ProgressPublisher::loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    wake_.wait_for(lock, stop, interval_, [] { return false; });
    if (!stop.stop_requested() && !test_.empty()) publish_locked();
  }
}

void publish_progress_if_asked() {
  const char* file = std::getenv(contract::kProgressFileEnv);
  if (file == nullptr || *file == '\0') return;
  // GoogleTest owns and deletes its listeners.
  ::testing::UnitTest::GetInstance()->listeners().Append(new ProgressPublisher(file));
}

}  // namespace dextqual::testing
