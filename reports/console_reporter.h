// What a person watching `dextqual run` sees. On a terminal: one progress line, redrawn in place, with
// the count, the test running and an ETA, and a full line for every result that is not a pass. Into a
// pipe or a CI log (issue 14 §4): every line stamped with the UTC time, a line when each test starts
// and when it ends (lit's "LABEL: suite :: test" form), and while one test runs a heartbeat every
// minute ("still running X, 240 s, 12.3 GiB verified"), so the last line of a log whose host died
// names what was running. Colour only on a terminal and never when NO_COLOR is set (no-color.org). The
// last line is always "N passed, N failed, N skipped", followed by ", N expected failures" and
// ", N warnings" when there are any (XFAIL and WARN are counted apart from passes).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "reports/report.h"

namespace dextqual::reports {

struct ConsoleStyle {
  bool terminal = false;  // redraw a progress line in place
  bool color = false;
};

// From the descriptor the console writes to and the environment (NO_COLOR, TERM=dumb).
[[nodiscard]] ConsoleStyle detect_console_style(int fd);

struct ConsoleTiming {
  std::chrono::milliseconds heartbeat{std::chrono::seconds(60)};  // zero: none
  std::function<std::string()> clock;                             // "13:20:05"; default: UTC now
};

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleStyle style, ConsoleTiming timing = {});
  ~ConsoleReporter();
  ConsoleReporter(const ConsoleReporter&) = delete;
  ConsoleReporter& operator=(const ConsoleReporter&) = delete;

  // The tests still to run, as "suite :: test".
  void plan(std::vector<std::string> tests);
  // Seconds each test took in an earlier run (--baseline): the ETA is then the sum over what is left.
  void expect_durations(std::map<std::string, double> seconds_by_test);
  // What the running test has done so far, for the heartbeat ("12.3 GiB verified"); empty: nothing.
  void set_progress_source(std::function<std::string(std::string_view suite, std::string_view test)> source);

  void test_started(std::string_view suite, std::string_view name);
  void test_finished(const TestResult& test);
  // A harness message ("starting simdext ...", "relaunching rawio for 12 remaining tests").
  void note(std::string_view line);
  // The failures with their reasons and reproducers, the WARNs with their warnings, the counts by
  // verdict, then the summary line.
  void finish(const Report& report);

  // "N passed, N failed, N skipped[, N expected failures][, N warnings]"
  [[nodiscard]] static std::string summary_line(const Counts& counts);

 private:
  void finish_warnings(const Report& report);
  void heartbeat_loop(std::stop_token stop);
  void clear_progress();
  void draw_progress();
  [[nodiscard]] std::string stamp() const;  // "13:20:05 " on a log, "" on a terminal
  [[nodiscard]] std::string colored(std::string_view text, Verdict verdict) const;
  [[nodiscard]] std::string eta_text() const;
  [[nodiscard]] double seconds_left() const;

  std::ostream& out_;
  ConsoleStyle style_;
  ConsoleTiming timing_;
  std::function<std::string(std::string_view, std::string_view)> progress_source_;
  mutable std::mutex mutex_;  // the heartbeat writes from its own thread
  std::vector<std::string> planned_;
  std::map<std::string, double> expected_seconds_;
  std::map<std::string, bool> finished_;
  int total_ = 0;
  int done_ = 0;
  std::string running_;
  std::string running_suite_, running_test_;
  std::chrono::steady_clock::time_point running_since_{};
  std::chrono::steady_clock::time_point last_line_{};
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::condition_variable_any wake_;
  std::jthread heartbeat_;  // last: started once everything it reads exists
};

}  // namespace dextqual::reports
