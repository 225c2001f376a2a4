// Follows a running suite binary through its stdout, so the runner knows at every moment which test
// is running (to blame a crash or a hang on it) and can journal each result the moment it is printed,
// long before GoogleTest writes its XML (which it does only at a normal exit, JUNIT.md §2). It reads
// GoogleTest's own progress lines: "[ RUN      ] X", "[       OK ] X (N ms)", "[  FAILED  ] X (N ms)",
// "[  SKIPPED ] X (N ms)". A line is only believed for the test that is running, so the failure list
// GoogleTest prints at the end is not mistaken for new results.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dextqual::runner {

enum class GtestStatus { passed, failed, skipped };

struct GtestTestEnd {
  std::string name;
  GtestStatus status = GtestStatus::passed;
  double seconds = 0;
  std::string output;  // everything the test printed between its RUN and end lines
};

class GtestProgress {
 public:
  std::function<void(const std::string& name)> on_started;
  std::function<void(const GtestTestEnd& end)> on_finished;

  // Feed output in any chunking; stderr too (it belongs to the running test's output).
  void feed_stdout(std::string_view chunk);
  void feed_stderr(std::string_view chunk);

  // The test that started and has not ended, if any.
  [[nodiscard]] const std::optional<std::string>& running() const { return running_; }
  // What the running test printed so far (capped, head + tail).
  [[nodiscard]] std::string running_output() const;

  // Limit on the output kept per test; the rest is counted and left out from the middle.
  static constexpr std::size_t kOutputLimit = 1 << 20;

 private:
  void line(std::string_view text);
  void append_output(std::string_view text);

  std::string partial_;
  std::optional<std::string> running_;
  std::string output_;
  std::size_t output_dropped_ = 0;
};

// The failure message GoogleTest printed for a failed test (the first assertion's text), or the
// reason it printed for a skip; from a test's output.
[[nodiscard]] std::string failure_summary(std::string_view output);
[[nodiscard]] std::string skip_reason(std::string_view output);

}  // namespace dextqual::runner
