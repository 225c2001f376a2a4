#include "limits/limits_ceiling.h"

#include <algorithm>

namespace dextqual::limits {

std::string TransferCeiling::describe() const {
  return kind + " from " + format_bytes(first_refused) + ", published limits allow " +
         format_bytes(published.bytes) + ": the DEXT's DMA maxTransferSize is below its published limits (" +
         to_string(direction) + " of " + format_bytes(largest_working) + " works; E bound by " +
         published.bound_by + ")";
}

std::optional<EffectiveLimit> published_split_limit(const LimitsReport& report, const Analysis& analysis,
                                                    Direction direction) {
  const auto& effective = direction == Direction::read ? analysis.effective_read : analysis.effective_write;
  if (effective) return effective;
  if (report.linux_queue && report.linux_queue->max_bytes && !report.queue_fronts_model) {
    const auto& queue = *report.linux_queue;
    return EffectiveLimit{*queue.max_bytes,
                          (queue.device.empty() ? std::string("the block queue") : queue.device) +
                              " max_sectors_kb " + format_bytes(*queue.max_bytes)};
  }
  return std::nullopt;
}

std::optional<TransferCeiling> diagnose_transfer_ceiling(const std::vector<ObservedTransfer>& observed,
                                                         Direction direction,
                                                         const std::optional<EffectiveLimit>& published) {
  if (!published) return std::nullopt;
  const ObservedTransfer* first_refused = nullptr;
  for (const auto& t : observed) {
    if (t.direction == direction && t.outcome == ObservedTransfer::Outcome::refused &&
        (first_refused == nullptr || t.size < first_refused->size)) {
      first_refused = &t;
    }
  }
  // Above E the block layer splits into E-sized pieces: a refusal there alone is another finding.
  if (first_refused == nullptr || first_refused->size > published->bytes) return std::nullopt;
  const std::uint64_t refused = first_refused->size;
  auto size_refused = [&](std::uint64_t size) {
    return std::any_of(observed.begin(), observed.end(), [&](const ObservedTransfer& t) {
      return t.direction == direction && t.size == size && t.outcome == ObservedTransfer::Outcome::refused;
    });
  };
  std::uint64_t largest_working = 0;
  for (const auto& t : observed) {
    if (t.direction != direction || t.outcome != ObservedTransfer::Outcome::worked || size_refused(t.size))
      continue;
    // A size between the first refusal and E that worked: not a ceiling.
    if (t.size > refused && t.size <= published->bytes) return std::nullopt;
    if (t.size < refused) largest_working = std::max(largest_working, t.size);
  }
  if (largest_working == 0) return std::nullopt;  // nothing works at all: not a size ceiling
  return TransferCeiling{direction, largest_working, refused, first_refused->kind, *published};
}

}  // namespace dextqual::limits
