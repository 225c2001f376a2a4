// The constraint-consistency analysis: MACOS.md §2 "Checker rules" and their Linux equivalents, applied
// to the gathered limits BEFORE any I/O. Besides findings, it predicts which transfer sizes will fail
// and why, so a raw sweep can say whether an EIO was foreseeable (F2: maxTransferSize 64 KiB under a
// published 512 KiB limit means every request above 64 KiB fails with EIO instead of being split).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "limits/limits_model.h"

namespace dextqual::limits {

enum class Severity { error, warning, info };
[[nodiscard]] const char* to_string(Severity severity);

struct Finding {
  std::string rule;  // "macOS-1", "linux-2", ...: the rule in MACOS.md §2 or its Linux equivalent
  Severity severity = Severity::info;
  std::string message;
};

// Requests of `direction` with above_bytes < size <= up_to_bytes are predicted to fail (up_to_bytes
// nullopt: no upper bound).
struct PredictedFailure {
  Direction direction = Direction::write;
  std::uint64_t above_bytes = 0;
  std::optional<std::uint64_t> up_to_bytes;
  std::string reason;

  [[nodiscard]] bool covers(Direction d, std::uint64_t bytes) const {
    return d == direction && bytes > above_bytes && (!up_to_bytes || bytes <= *up_to_bytes);
  }
};

// The published effective limit E of one direction and what bound it.
struct EffectiveLimit {
  std::uint64_t bytes = 0;
  std::string bound_by;  // "IOMaximumByteCountWrite 512 KiB"
};

struct Analysis {
  std::vector<Finding> findings;
  std::vector<PredictedFailure> predicted_failures;
  std::optional<EffectiveLimit> effective_read;
  std::optional<EffectiveLimit> effective_write;

  [[nodiscard]] bool has_errors() const;
  // The first prediction covering a request, or nullptr when the limits foresee no failure.
  [[nodiscard]] const PredictedFailure* predicted(Direction direction, std::uint64_t bytes) const;
  // Every size a sweep should probe: one block below, at and above each advertised limit.
  [[nodiscard]] std::vector<std::uint64_t> boundary_sizes(std::uint64_t block_size) const;
  // One line per finding and prediction, for a test's failure message.
  [[nodiscard]] std::string describe(Severity at_least = Severity::warning) const;

  std::vector<std::uint64_t> advertised;  // every limit in bytes, for boundary_sizes()
};

// E = trunc_B(min of the non-zero {byte count, block count x B, segment count x segment byte count});
// nullopt when the direction publishes none of them (no limit).
[[nodiscard]] std::optional<EffectiveLimit> effective_limit(const DirectionLimits& limits,
                                                            std::uint64_t block_size, Direction direction);

[[nodiscard]] Analysis analyze(const LimitsReport& report);

// "64 KiB", "1 MiB", "66048 B": exact binary units, so a message never rounds a size away.
[[nodiscard]] std::string format_bytes(std::uint64_t bytes);

}  // namespace dextqual::limits
