// What a person watching `dextqual run` sees. On a terminal: one progress line, redrawn in place, with
// the count, the test running and an ETA, and a full line for every result that is not a pass. Into a
// pipe or a CI log: one plain line per result, in lit's "LABEL: suite :: test" form. Colour only on a
// terminal and never when NO_COLOR is set (no-color.org). The last line is always
// "N passed, N failed, N skipped".
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include "reports/report.h"

namespace dextqual::reports {

struct ConsoleStyle {
  bool terminal = false;  // redraw a progress line in place
  bool color = false;
};

// From the descriptor the console writes to and the environment (NO_COLOR, TERM=dumb).
[[nodiscard]] ConsoleStyle detect_console_style(int fd);

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleStyle style);

  void plan(int total_tests);
  void test_started(std::string_view suite, std::string_view name);
  void test_finished(const TestResult& test);
  // A harness message ("starting simdext ...", "relaunching rawio for 12 remaining tests").
  void note(std::string_view line);
  // The failures with their reasons and reproducers, the counts by verdict, then the summary line.
  void finish(const Report& report);

  // "N passed, N failed, N skipped"
  [[nodiscard]] static std::string summary_line(const Counts& counts);

 private:
  void clear_progress();
  void draw_progress();
  [[nodiscard]] std::string colored(std::string_view text, Verdict verdict) const;
  [[nodiscard]] std::string eta_text() const;

  std::ostream& out_;
  ConsoleStyle style_;
  int total_ = 0;
  int done_ = 0;
  std::string running_;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace dextqual::reports
