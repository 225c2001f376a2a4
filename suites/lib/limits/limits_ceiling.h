// F2 diagnosed from observation, on any device: when the transfers a test tried show a ceiling — every
// size up to some L works, every size tried from F on is refused (EIO, a short transfer) — and F is a
// size the published limits allow (F <= E), the block layer did not split those requests (it splits by
// E) and the driver refused them itself. That is what a DEXT whose DMA maxTransferSize is below its
// published limits does (F2: "dd bs=64k works, bs=128k fails with EIO"), and it is said in those terms:
//   "EIO from 128 KiB, published limits allow 512 KiB: the DEXT's DMA maxTransferSize is below its
//    published limits (64 KiB works; E bound by IOMaximumByteCountWrite 512 KiB)"
// The prediction from the DMA specification (limits_rules_registry.cpp, rule macOS-1) needs the
// maxTransferSize itself, which only simdext's description gives; this needs only the published limits
// and the observed transfers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "limits/limits_checker.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

// One transfer tried: worked, refused by the kernel or driver (an errno, a short transfer), or failed
// otherwise (corruption, a failed flush: says nothing about a size ceiling).
struct ObservedTransfer {
  enum class Outcome { worked, refused, other_failure };
  Direction direction = Direction::write;
  std::uint64_t size = 0;
  Outcome outcome = Outcome::worked;
  std::string kind;  // for refused: "EIO", "EINVAL", "short"
};

struct TransferCeiling {
  Direction direction = Direction::write;
  std::uint64_t largest_working = 0;
  std::uint64_t first_refused = 0;
  std::string kind;  // how first_refused failed: "EIO"
  EffectiveLimit published;

  // "EIO from 128 KiB, published limits allow 512 KiB: the DEXT's DMA maxTransferSize is below its
  // published limits (64 KiB works; E bound by ...)"
  [[nodiscard]] std::string describe() const;
};

// The limit the block layer splits `direction`'s requests by, i.e. what the published limits allow: the
// analysis' effective E (simdext constraints, IORegistry) or, where no controller constraints are read
// (a Linux HBA), the block queue's max_sectors_kb — unless that queue fronts a model (simdext's loop).
[[nodiscard]] std::optional<EffectiveLimit> published_split_limit(const LimitsReport& report,
                                                                  const Analysis& analysis,
                                                                  Direction direction);

// The ceiling of `direction` when the observations show one below the published limit; nullopt when
// nothing was refused, the first refusal is above E, no smaller size worked, a size between the first
// refusal and E worked (scattered failures, not a ceiling), or E is not published.
[[nodiscard]] std::optional<TransferCeiling> diagnose_transfer_ceiling(
    const std::vector<ObservedTransfer>& observed, Direction direction,
    const std::optional<EffectiveLimit>& published);

}  // namespace dextqual::limits
