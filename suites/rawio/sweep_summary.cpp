#include "rawio/sweep_summary.h"

#include <algorithm>
#include <optional>
#include <sstream>

#include "core/io_error_cause.h"
#include "limits/limits_checker.h"

namespace dextqual::rawio {
namespace {

using limits::format_bytes;

}  // namespace

std::string headline(const std::vector<SweepPoint>& points, const std::string& direction) {
  std::optional<SweepPoint> smallest_failure;
  for (const auto& p : points) {
    if (p.direction == direction && !p.ok && (!smallest_failure || p.size < smallest_failure->size)) {
      smallest_failure = p;
    }
  }
  if (!smallest_failure) {
    return "";
  }
  auto size_failed = [&](std::uint64_t size) {
    return std::any_of(points.begin(), points.end(), [&](const SweepPoint& q) {
      return q.direction == direction && q.size == size && !q.ok;
    });
  };
  // A passing transfer wrote, read and verified, so any ok point shows its size works.
  std::optional<std::uint64_t> largest_working;
  std::vector<std::uint64_t> failing;
  for (const auto& p : points) {
    if (p.ok && p.size < smallest_failure->size && !size_failed(p.size) &&
        (!largest_working || p.size > *largest_working)) {
      largest_working = p.size;
    }
    if (!p.ok && p.direction == direction &&
        std::find(failing.begin(), failing.end(), p.size) == failing.end()) {
      failing.push_back(p.size);
    }
  }
  const std::size_t failing_sizes = failing.size();
  const auto cause = io_error_cause(smallest_failure->what + " " + smallest_failure->kind);
  const std::string kind = cause == IoErrorCause::other || cause == IoErrorCause::write_protected
                               ? smallest_failure->kind
                               : std::string(to_string(cause)) + " (" + smallest_failure->kind + ")";
  // A size that worked at another position is not a size limit: the fault is where it failed.
  const bool size_works_elsewhere = std::any_of(points.begin(), points.end(), [&](const SweepPoint& q) {
    return q.ok && q.size == smallest_failure->size;
  });
  if (size_works_elsewhere || cause != IoErrorCause::other) {
    std::string lbas;
    std::size_t listed = 0;
    for (const auto& p : points) {
      if (p.direction != direction || p.ok) continue;
      if (listed++ < 4) lbas += (lbas.empty() ? "" : ", ") + std::to_string(p.offset / 512);
    }
    if (listed > 4) lbas += " and " + std::to_string(listed - 4) + " more";
    return kind + " at LBA " + lbas +
           (size_works_elsewhere ? " (" + format_bytes(smallest_failure->size) +
                                       " works at other LBAs): a fault at that position, "
                                       "not a size limit"
                                 : ": not a size limit");
  }
  std::string line = kind + " at " + format_bytes(smallest_failure->size);
  if (largest_working) {
    line += ", " + format_bytes(*largest_working) + " works";
  } else {
    line += ", no smaller size works";
  }
  if (failing_sizes > 1) {
    line += " (" + std::to_string(failing_sizes) + " sizes fail)";
  }
  return line;
}

std::string summarize_sweep(const std::vector<SweepPoint>& points, std::size_t max_lines) {
  std::ostringstream out;
  for (const char* direction : {"write", "read", "verify"}) {
    if (auto line = headline(points, direction); !line.empty()) {
      out << direction << ": " << line << "\n";
    }
  }
  // One line per failing (step, size): the places it failed, and what the first one said.
  std::vector<std::string> predictions;
  std::size_t lines = 0;
  std::size_t groups = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const SweepPoint& p = points[i];
    const bool first_of_group = std::none_of(
        points.begin(), points.begin() + static_cast<std::ptrdiff_t>(i),
        [&](const SweepPoint& q) { return !q.ok && q.direction == p.direction && q.size == p.size; });
    if (p.ok || !first_of_group) {
      continue;
    }
    if (!p.prediction.empty() &&
        std::find(predictions.begin(), predictions.end(), p.prediction) == predictions.end()) {
      predictions.push_back(p.prediction);
    }
    ++groups;
    if (lines++ >= max_lines) {
      continue;
    }
    out << "  " << p.direction << " of " << format_bytes(p.size) << " at LBA ";
    std::string sep;
    for (const auto& q : points) {
      if (!q.ok && q.direction == p.direction && q.size == p.size) {
        out << sep << q.offset / 512;
        sep = ", ";
      }
    }
    out << ": " << p.what << (p.prediction.empty() ? "" : " (predicted)") << "\n";
  }
  if (groups > max_lines) {
    out << "  ... and " << groups - max_lines << " more failing sizes\n";
  }
  for (const auto& prediction : predictions) {
    out << "predicted by the limits analysis before any I/O: " << prediction << "\n";
  }
  return out.str();
}

std::vector<limits::ObservedTransfer> observed_transfers(const std::vector<SweepPoint>& points) {
  using Outcome = limits::ObservedTransfer::Outcome;
  std::vector<limits::ObservedTransfer> observed;
  for (const auto& p : points) {
    if (p.ok) {
      observed.push_back({limits::Direction::write, p.size, Outcome::worked, ""});
      observed.push_back({limits::Direction::read, p.size, Outcome::worked, ""});
    } else if (p.direction == "write" || p.direction == "read") {
      const auto direction = p.direction == "read" ? limits::Direction::read : limits::Direction::write;
      observed.push_back({direction, p.size, Outcome::refused, p.kind});
    } else {
      observed.push_back({limits::Direction::write, p.size, Outcome::other_failure, p.kind});
    }
  }
  return observed;
}

std::string diagnose_ceilings(const std::vector<SweepPoint>& points,
                              const std::optional<limits::EffectiveLimit>& write_limit,
                              const std::optional<limits::EffectiveLimit>& read_limit) {
  const auto observed = observed_transfers(points);
  std::string lines;
  for (const auto& [direction, limit] :
       {std::pair{limits::Direction::write, &write_limit}, std::pair{limits::Direction::read, &read_limit}}) {
    if (auto ceiling = limits::diagnose_transfer_ceiling(observed, direction, *limit)) {
      lines += std::string(limits::to_string(direction)) + ": " + ceiling->describe() + "\n";
    }
  }
  return lines;
}

}  // namespace dextqual::rawio
