// Verifies a range of the DUT against what the write/flush journal says must have survived, with the
// integrity engine's durability rule (PERSISTENCE.md §3), and words each failure for the event that
// preceded it: after a clean eject or reboot a missing acknowledged write is a cache that was not
// destaged (F4); after a power cut a missing write that a successful flush or FUA covered is a flush
// lie (F1). Garbage is a failure after any event.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "integrity/run_identity.h"
#include "integrity/sector_verifier.h"

namespace dextqual::lifecycle {

enum class AfterEvent { clean_eject, reboot, power_cut, surprise_removal };

struct DurabilityVerdict {
  integrity::VerifyReport report;
  std::vector<std::string> failures;        // one line each, labelled with the field report it matches
  std::uint64_t sectors_legally_older = 0;  // unflushed writes that did not land: legal, reported
  [[nodiscard]] bool passed() const { return failures.empty(); }
};

// Reads `range` of `raw_node` back (O_DIRECT) and judges it against the journal at `journal_path`.
[[nodiscard]] Result<DurabilityVerdict> verify_durability(const std::string& raw_node,
                                                          const integrity::RunIdentity& identity,
                                                          const std::filesystem::path& journal_path,
                                                          integrity::LbaRange range,
                                                          std::uint32_t sectors_per_block, AfterEvent event);

}  // namespace dextqual::lifecycle
