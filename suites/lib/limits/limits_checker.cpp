#include "limits/limits_checker.h"

#include <algorithm>
#include <sstream>

#include "limits/limits_rules.h"

namespace dextqual::limits {

const char* to_string(Direction direction) { return direction == Direction::read ? "read" : "write"; }

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "?";
}

std::string format_bytes(std::uint64_t bytes) {
  constexpr std::uint64_t kKiB = 1024;
  constexpr std::uint64_t kMiB = kKiB * 1024;
  constexpr std::uint64_t kGiB = kMiB * 1024;
  if (bytes >= kGiB && bytes % kGiB == 0) {
    return std::to_string(bytes / kGiB) + " GiB";
  }
  if (bytes >= kMiB && bytes % kMiB == 0) {
    return std::to_string(bytes / kMiB) + " MiB";
  }
  if (bytes >= kKiB && bytes % kKiB == 0) {
    return std::to_string(bytes / kKiB) + " KiB";
  }
  return std::to_string(bytes) + " B";
}

std::optional<EffectiveLimit> effective_limit(const DirectionLimits& limits, std::uint64_t block_size,
                                              Direction direction) {
  const std::string suffix = direction == Direction::read ? "Read" : "Write";
  std::optional<EffectiveLimit> best;
  auto consider = [&](std::uint64_t bytes, std::string why) {
    if (bytes != 0 && (!best || bytes < best->bytes)) {
      best = EffectiveLimit{bytes, std::move(why)};
    }
  };
  if (limits.max_byte_count) {
    consider(*limits.max_byte_count,
             "IOMaximumByteCount" + suffix + " " + format_bytes(*limits.max_byte_count));
  }
  if (limits.max_block_count) {
    consider(*limits.max_block_count * block_size, "IOMaximumBlockCount" + suffix + " " +
                                                       std::to_string(*limits.max_block_count) + " x " +
                                                       format_bytes(block_size));
  }
  if (limits.max_segment_count && limits.max_segment_byte_count) {
    consider(*limits.max_segment_count * *limits.max_segment_byte_count,
             "IOMaximumSegmentCount" + suffix + " x IOMaximumSegmentByteCount" + suffix + " = " +
                 std::to_string(*limits.max_segment_count) + " x " +
                 format_bytes(*limits.max_segment_byte_count));
  }
  if (best) {
    best->bytes -= best->bytes % block_size;  // IOBreaker rounds the break size down to B
  }
  return best;
}

bool Analysis::has_errors() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

const PredictedFailure* Analysis::predicted(Direction direction, std::uint64_t bytes) const {
  for (const auto& failure : predicted_failures) {
    if (failure.covers(direction, bytes)) {
      return &failure;
    }
  }
  return nullptr;
}

std::vector<std::uint64_t> Analysis::boundary_sizes(std::uint64_t block_size) const {
  std::vector<std::uint64_t> sizes;
  for (std::uint64_t limit : advertised) {
    const std::uint64_t at = limit - limit % block_size;
    if (at == 0) {
      continue;
    }
    if (at > block_size) {
      sizes.push_back(at - block_size);
    }
    sizes.push_back(at);
    sizes.push_back(at + block_size);
  }
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  return sizes;
}

std::string Analysis::describe(Severity at_least) const {
  std::ostringstream out;
  for (const auto& finding : findings) {
    if (static_cast<int>(finding.severity) <= static_cast<int>(at_least)) {
      out << "[" << to_string(finding.severity) << " " << finding.rule << "] " << finding.message << "\n";
    }
  }
  for (const auto& failure : predicted_failures) {
    out << "predicted to fail: " << to_string(failure.direction) << " requests above "
        << format_bytes(failure.above_bytes);
    if (failure.up_to_bytes) {
      out << " up to " << format_bytes(*failure.up_to_bytes);
    }
    out << ": " << failure.reason << "\n";
  }
  return out.str();
}

namespace detail {

void add(Analysis& analysis, std::string rule, Severity severity, std::string message) {
  analysis.findings.push_back(Finding{std::move(rule), severity, std::move(message)});
}

}  // namespace detail

Analysis analyze(const LimitsReport& report) {
  Analysis analysis;
  for (const auto& note : report.notes) {
    detail::add(analysis, "source", Severity::info, note);
  }
  detail::apply_registry_rules(report, analysis);
  detail::apply_ioctl_rules(report, analysis);
  detail::apply_queue_rules(report, analysis);
  std::sort(analysis.advertised.begin(), analysis.advertised.end());
  analysis.advertised.erase(std::unique(analysis.advertised.begin(), analysis.advertised.end()),
                            analysis.advertised.end());
  return analysis;
}

}  // namespace dextqual::limits
