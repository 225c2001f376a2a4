// Turns a sweep's transfer outcomes into the sentence a driver engineer needs first: "write: EIO at
// 128 KiB, 64 KiB works" (F2), then every failure with its offset, and whether the limits analysis had
// predicted it. Separate from the I/O so the wording is unit-tested.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "limits/limits_ceiling.h"

namespace dextqual::rawio {

struct SweepPoint {
  std::string direction;  // "write", "read", "verify"
  std::uint64_t size = 0;
  std::uint64_t offset = 0;
  bool ok = true;
  std::string kind;        // the headline word: "EIO", "short", or a sector class such as "stale"
  std::string what;        // "EIO (Input/output error, errno 5)", or a corruption's finding
  std::string prediction;  // the limits analysis' reason when it predicted this failure, else empty
};

// "" when every point is ok; otherwise the headline per direction and one line per failure (at most
// `max_lines`, then a count).
[[nodiscard]] std::string summarize_sweep(const std::vector<SweepPoint>& points, std::size_t max_lines = 40);

// The headline alone for one direction: "EIO at 128 KiB, 64 KiB works".
[[nodiscard]] std::string headline(const std::vector<SweepPoint>& points, const std::string& direction);

// The sweep's points as observed transfers for limits/limits_ceiling.h: a passing point worked in both
// directions; a failed write or read step was refused; a failed flush or verify is another failure.
[[nodiscard]] std::vector<limits::ObservedTransfer> observed_transfers(const std::vector<SweepPoint>& points);

// F2 from observation, on any device: one line per direction whose transfers show a ceiling below its
// published limit ("write: EIO from 128 KiB, published limits allow 512 KiB: the DEXT's DMA
// maxTransferSize is below its published limits (...)"); "" when none does.
[[nodiscard]] std::string diagnose_ceilings(const std::vector<SweepPoint>& points,
                                            const std::optional<limits::EffectiveLimit>& write_limit,
                                            const std::optional<limits::EffectiveLimit>& read_limit);

}  // namespace dextqual::rawio
