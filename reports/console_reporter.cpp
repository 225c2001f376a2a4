#include "reports/console_reporter.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

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

const char* color_code(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
    case Verdict::xfail:
      return "\033[32m";
    case Verdict::skipped:
      return "\033[33m";
    default:
      return "\033[1;31m";
  }
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

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleStyle style) : out_(out), style_(style) {}

void ConsoleReporter::plan(int total_tests) {
  total_ = total_tests;
  started_ = std::chrono::steady_clock::now();
}

void ConsoleReporter::test_started(std::string_view suite, std::string_view name) {
  running_ = std::string(suite) + " :: " + std::string(name);
  if (style_.terminal) draw_progress();
}

void ConsoleReporter::test_finished(const TestResult& test) {
  ++done_;
  const bool quiet = style_.terminal && (test.verdict == Verdict::pass || test.verdict == Verdict::xfail);
  if (!quiet) {
    clear_progress();
    char timing[64];
    std::snprintf(timing, sizeof timing, " (%d of %d, %.2fs)", done_, total_, test.seconds);
    out_ << colored(label(test.verdict), test.verdict) << ": " << test.suite << " :: " << test.name << timing;
    if (test.verdict != Verdict::pass && !test.message.empty())
      out_ << " - " << xml_safe(first_line(test.message));
    out_ << "\n";
  }
  running_.clear();
  if (style_.terminal) draw_progress();
  out_.flush();
}

void ConsoleReporter::note(std::string_view line) {
  clear_progress();
  out_ << "dextqual: " << line << "\n";
  if (style_.terminal && total_ > 0) draw_progress();
  out_.flush();
}

void ConsoleReporter::finish(const Report& report) {
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

std::string ConsoleReporter::summary_line(const Counts& counts) {
  return std::to_string(counts.passed) + " passed, " + std::to_string(counts.failed) + " failed, " +
         std::to_string(counts.skipped) + " skipped";
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

std::string ConsoleReporter::eta_text() const {
  if (done_ == 0 || total_ <= done_) return {};
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return " ETA " + duration_text(elapsed / done_ * (total_ - done_));
}

std::string ConsoleReporter::colored(std::string_view text, Verdict verdict) const {
  if (!style_.color) return std::string(text);
  return std::string(color_code(verdict)) + std::string(text) + "\033[0m";
}

}  // namespace dextqual::reports
