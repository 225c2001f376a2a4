#include "runner/gtest_progress.h"

#include <cstdlib>

#include "reports/text_safety.h"
#include "runner/failure_finding.h"

namespace dextqual::runner {
namespace {

constexpr std::string_view kRun = "[ RUN      ] ";
constexpr std::string_view kOk = "[       OK ] ";
constexpr std::string_view kFailed = "[  FAILED  ] ";
constexpr std::string_view kSkipped = "[  SKIPPED ] ";

// "Name (12 ms)" or, for parameterized tests, "Name, where GetParam() = ... (12 ms)" -> 0.012 s when
// the line ends that way; nullopt otherwise (the failure list at the end has no time).
std::optional<double> elapsed_of(std::string_view rest, std::string_view name) {
  if (!rest.starts_with(name)) return std::nullopt;
  rest.remove_prefix(name.size());
  if (!rest.starts_with(" (") && !rest.starts_with(", where ")) return std::nullopt;
  if (!rest.ends_with(" ms)")) return std::nullopt;
  const auto open = rest.rfind(" (");
  const std::string number(rest.substr(open + 2, rest.size() - open - 6));
  char* end = nullptr;
  const double ms = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0') return std::nullopt;
  return ms / 1000.0;
}

}  // namespace

void GtestProgress::feed_stdout(std::string_view chunk) {
  while (!chunk.empty()) {
    const auto newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      partial_ += chunk;
      return;
    }
    partial_ += chunk.substr(0, newline);
    const std::string text = std::move(partial_);
    partial_.clear();
    line(text);
    chunk.remove_prefix(newline + 1);
  }
}

void GtestProgress::feed_stderr(std::string_view chunk) { append_output(chunk); }

void GtestProgress::line(std::string_view text) {
  // A test that printed without a newline pushes GoogleTest's marker to the middle of the line.
  const auto marker_at = [&](std::string_view marker) { return text.find(marker); };
  if (auto at = marker_at(kRun); at != std::string_view::npos) {
    if (at > 0) append_output(std::string(text.substr(0, at)) + "\n");
    running_ = std::string(text.substr(at + kRun.size()));
    output_.clear();
    output_dropped_ = 0;
    if (on_started) on_started(*running_);
    return;
  }
  if (running_) {
    for (const auto& [marker, status] :
         {std::pair{kOk, GtestStatus::passed}, std::pair{kFailed, GtestStatus::failed},
          std::pair{kSkipped, GtestStatus::skipped}}) {
      const auto at = marker_at(marker);
      if (at == std::string_view::npos) continue;
      const auto seconds = elapsed_of(text.substr(at + marker.size()), *running_);
      if (!seconds) continue;
      if (at > 0) append_output(std::string(text.substr(0, at)) + "\n");
      GtestTestEnd end{*running_, status, *seconds, running_output()};
      running_.reset();
      output_.clear();
      if (on_finished) on_finished(end);
      return;
    }
  }
  append_output(std::string(text) + "\n");
}

void GtestProgress::append_output(std::string_view text) {
  if (!running_) return;  // between tests: GoogleTest's own chatter
  if (output_.size() + text.size() <= kOutputLimit) {
    output_ += text;
    return;
  }
  // Keep the head; the tail lives in the per-test log file the runner writes from the raw stream.
  const std::size_t room = kOutputLimit - std::min(kOutputLimit, output_.size());
  output_ += text.substr(0, room);
  output_dropped_ += text.size() - room;
}

std::string GtestProgress::running_output() const {
  std::string text = output_;
  if (output_dropped_ > 0) {
    text += "\n[... " + std::to_string(output_dropped_) + " more bytes in the log file ...]\n";
  }
  return text + partial_;  // a test that died mid-line still said that much
}

std::string failure_summary(std::string_view output) {
  // GoogleTest: "file:line: Failure\n<message lines>\n"; the finding (failure_finding.h) becomes one
  // line, with where it failed at the end.
  const auto at = output.find(": Failure\n");
  if (at == std::string_view::npos) return reports::first_line(output);
  const auto line_start = output.rfind('\n', at);
  const auto where_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  const std::string where(output.substr(where_start, at - where_start));
  auto block = output.substr(at + 10);
  // The block ends at the next failure or at GoogleTest's own next line.
  for (const std::string_view end : {std::string_view(": Failure\n"), std::string_view("\n[  ")}) {
    if (const auto stop = block.find(end); stop != std::string_view::npos) {
      block = block.substr(0, end.front() == ':' ? block.rfind('\n', stop) : stop);
    }
  }
  std::string text = failure_finding(block);
  if (text.size() > 300) text = text.substr(0, 297) + "...";
  return text.empty() ? where : text + " (" + where + ")";
}

std::string skip_reason(std::string_view output) {
  const auto at = output.find(": Skipped\n");
  if (at == std::string_view::npos) return reports::first_line(output);
  return reports::first_line(output.substr(at + 10));
}

}  // namespace dextqual::runner
