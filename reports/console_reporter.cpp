#include "reports/console_reporter.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "core/utc_clock.h"
#include "reports/text_safety.h"

namespace dextqual::reports {
namespace {

std::string duration_text(double seconds) {
  char text[32];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.0fs", seconds);
  } else if (seconds < 3600) {
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  } else {
    std::snprintf(text, sizeof text, "%dh%02dm", static_cast<int>(seconds) / 3600,
                  (static_cast<int>(seconds) % 3600) / 60);
  }
  return text;
}

std::string utc_clock_text() { return utc_now_text(UtcText::time_of_day); }

const char* color_code(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
    case Verdict::xfail:
      return "\033[32m";
    case Verdict::skipped:
      return "\033[33m";
    case Verdict::warn:  // bold: set apart from SKIPPED's yellow, and not a failure's red
      return "\033[1;33m";
    default:
      return "\033[1;31m";
  }
}

// A result line's reason: a WARN's first warning (the message may be empty), else the message.
std::string reason_of(const TestResult& test) {
  if (test.verdict == Verdict::warn) {
    const auto warnings = test.warnings();
    if (!warnings.empty()) {
      return first_line(warnings.front()) +
             (warnings.size() > 1 ? " (+" + std::to_string(warnings.size() - 1) + " more)" : "");
    }
  }
  return first_line(test.message);
}

// "1 expected failure", "44 expected failures".
std::string counted(int n, std::string_view what) {
  return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

}  // namespace

ConsoleStyle detect_console_style(int fd) {
  ConsoleStyle style;
  const char* term = std::getenv("TERM");
  style.terminal = ::isatty(fd) == 1 && (term == nullptr || std::strcmp(term, "dumb") != 0);
  const char* no_color = std::getenv("NO_COLOR");
  style.color = style.terminal && (no_color == nullptr || *no_color == '\0');
  return style;
}

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleStyle style, ConsoleTiming timing)
    : out_(out), style_(style), timing_(std::move(timing)) {
  if (!timing_.clock) timing_.clock = utc_clock_text;
  // A terminal shows the running test on its progress line; a log needs the heartbeat.
  if (!style_.terminal && timing_.heartbeat.count() > 0) {
    heartbeat_ = std::jthread([this](std::stop_token stop) { heartbeat_loop(stop); });
  }
}

ConsoleReporter::~ConsoleReporter() {
  heartbeat_.request_stop();
  wake_.notify_all();
}

void ConsoleReporter::plan(std::vector<std::string> tests) {
  std::lock_guard lock(mutex_);
  total_ = static_cast<int>(tests.size());
  planned_ = std::move(tests);
  started_ = std::chrono::steady_clock::now();
  if (style_.terminal) return;
  // The log's first line with a time: its date, once (each line has only the time of day).
  out_ << stamp() << "dextqual: " << total_ << " tests to run; times are UTC, " << utc_now_text(UtcText::date)
       << "\n";
  out_.flush();
}

void ConsoleReporter::expect_durations(std::map<std::string, double> seconds_by_test) {
  std::lock_guard lock(mutex_);
  expected_seconds_ = std::move(seconds_by_test);
}

void ConsoleReporter::set_progress_source(
    std::function<std::string(std::string_view suite, std::string_view test)> source) {
  std::lock_guard lock(mutex_);
  progress_source_ = std::move(source);
}

void ConsoleReporter::test_started(std::string_view suite, std::string_view name) {
  std::lock_guard lock(mutex_);
  running_ = std::string(suite) + " :: " + std::string(name);
  running_suite_ = suite;
  running_test_ = name;
  running_since_ = std::chrono::steady_clock::now();
  last_line_ = running_since_;
  if (style_.terminal) return draw_progress();
  out_ << stamp() << "START " << running_ << " (" << done_ + 1 << " of " << total_ << eta_text() << ")\n";
  out_.flush();
}

void ConsoleReporter::test_finished(const TestResult& test) {
  std::lock_guard lock(mutex_);
  ++done_;
  finished_[test.suite + " :: " + test.name] = true;
  const bool quiet = style_.terminal && (test.verdict == Verdict::pass || test.verdict == Verdict::xfail);
  if (!quiet) {
    clear_progress();
    char timing[64];
    std::snprintf(timing, sizeof timing, " (%d of %d, %.2fs)", done_, total_, test.seconds);
    out_ << stamp() << colored(label(test.verdict), test.verdict) << ": " << test.suite << " :: " << test.name
         << timing;
    if (const auto reason = reason_of(test); test.verdict != Verdict::pass && !reason.empty())
      out_ << " - " << xml_safe(reason);
    out_ << "\n";
  }
  running_.clear();
  if (style_.terminal) draw_progress();
  out_.flush();
}

void ConsoleReporter::note(std::string_view line) {
  std::lock_guard lock(mutex_);
  clear_progress();
  out_ << stamp() << "dextqual: " << line << "\n";
  if (style_.terminal && total_ > 0) draw_progress();
  out_.flush();
}

void ConsoleReporter::heartbeat_loop(std::stop_token stop) {
  const auto tick = std::clamp<std::chrono::milliseconds>(
      timing_.heartbeat / 4, std::chrono::milliseconds(10), std::chrono::seconds(1));
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    wake_.wait_for(lock, stop, tick, [] { return false; });
    if (running_.empty() || stop.stop_requested()) continue;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_line_ < timing_.heartbeat) continue;
    last_line_ = now;
    const auto seconds = std::chrono::duration<double>(now - running_since_).count();
    out_ << stamp() << "still running " << running_ << ", " << static_cast<long>(seconds) << " s";
    if (progress_source_) {
      if (const auto progress = progress_source_(running_suite_, running_test_); !progress.empty())
        out_ << ", " << progress;
    }
    out_ << "\n";
    out_.flush();
  }
}

void ConsoleReporter::finish(const Report& report) {
  std::lock_guard lock(mutex_);
  running_.clear();
  clear_progress();
  bool header = false;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (!is_failure(test.verdict)) continue;
      if (!header) {
        out_ << "\nFailed tests:\n";
        header = true;
      }
      out_ << "  " << colored(label(test.verdict), test.verdict) << ": " << test.suite << " :: " << test.name
           << "\n";
      if (!test.message.empty()) out_ << "    " << xml_safe(first_line(test.message, 300)) << "\n";
      if (!test.reproducer.empty()) out_ << "    reproduce: " << test.reproducer << "\n";
    }
  }
  finish_warnings(report);
  const auto counts = report.counts();
  std::string details;
  for (const auto& [verdict, n] : counts.by_verdict) {
    if (!details.empty()) details += ", ";
    details += std::to_string(n) + " " + std::string(label(verdict));
  }
  if (!details.empty()) out_ << "\nResults: " << details << "\n";
  out_ << summary_line(counts) << "\n";
  out_.flush();
}

// The first three always, so a grep for "N passed, N failed, N skipped" keeps working; the others when
// there are any.
std::string ConsoleReporter::summary_line(const Counts& counts) {
  std::string line = std::to_string(counts.passed) + " passed, " + std::to_string(counts.failed) +
                     " failed, " + std::to_string(counts.skipped) + " skipped";
  if (counts.expected_failures > 0) line += ", " + counted(counts.expected_failures, "expected failure");
  if (counts.warnings > 0) line += ", " + counted(counts.warnings, "warning");
  return line;
}

// The should-level deviations, after the failures: a WARN passes, so this is the only place at the end
// of a long log that says what to look at.
void ConsoleReporter::finish_warnings(const Report& report) {
  bool header = false;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      if (test.verdict != Verdict::warn) continue;
      if (!header) {
        out_ << "\nWarnings (not failures: a *should* of the standard not met, or errors the host recovered "
                "from):\n";
        header = true;
      }
      out_ << "  " << colored(label(test.verdict), test.verdict) << ": " << test.suite << " :: " << test.name
           << "\n";
      for (const auto& warning : test.warnings())
        out_ << "    " << xml_safe(first_line(warning, 300)) << "\n";
    }
  }
}

void ConsoleReporter::clear_progress() {
  if (progress_shown_) {
    out_ << "\r\033[K";
    progress_shown_ = false;
  }
}

void ConsoleReporter::draw_progress() {
  clear_progress();
  std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "]";
  if (total_ > 0) line += " " + std::to_string(done_ * 100 / total_) + "%";
  line += eta_text();
  if (!running_.empty()) line += "  " + running_;
  if (line.size() > 120) line = line.substr(0, 117) + "...";
  out_ << line;
  progress_shown_ = true;
  out_.flush();
}

std::string ConsoleReporter::stamp() const { return style_.terminal ? std::string() : timing_.clock() + " "; }

// With a baseline: what the tests still to run took then (the running one less its time so far; a test
// the baseline does not know at the mean of those it does). Without: the mean pace of this run so far.
double ConsoleReporter::seconds_left() const {
  const auto now = std::chrono::steady_clock::now();
  if (!expected_seconds_.empty()) {
    double known_total = 0;
    for (const auto& [name, seconds] : expected_seconds_) known_total += seconds;
    const double mean = known_total / static_cast<double>(expected_seconds_.size());
    double left = 0;
    for (const auto& test : planned_) {
      if (finished_.contains(test)) continue;
      const auto expected = expected_seconds_.find(test);
      double seconds = expected == expected_seconds_.end() ? mean : expected->second;
      if (test == running_) seconds -= std::chrono::duration<double>(now - running_since_).count();
      left += std::max(seconds, 0.0);
    }
    return left;
  }
  if (done_ == 0 || total_ <= done_) return -1;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  return elapsed / done_ * (total_ - done_);
}

std::string ConsoleReporter::eta_text() const {
  if (total_ <= done_) return {};
  const double left = seconds_left();
  if (left < 0) return {};
  return ", ETA " + duration_text(std::round(left));
}

std::string ConsoleReporter::colored(std::string_view text, Verdict verdict) const {
  if (!style_.color) return std::string(text);
  return std::string(color_code(verdict)) + std::string(text) + "\033[0m";
}

}  // namespace dextqual::reports
