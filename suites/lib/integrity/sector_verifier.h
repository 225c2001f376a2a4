// Verification of a buffer of read-back sectors against the expected state: the fast path checks each
// sector is an intact stamp of an acceptable generation; anything else goes to the classifier, logical
// blocks are checked for tearing, and the verdicts merge into findings. A report from a later,
// adjacent buffer merges into an earlier one, which is how the multi-threaded I/O loop (stamped_io.h)
// assembles one report for a whole device.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "integrity/expected_state.h"
#include "integrity/finding.h"
#include "integrity/sector_classifier.h"
#include "integrity/sector_stamp.h"

namespace dextqual::integrity {

struct VerifyOptions {
  std::uint32_t sectors_per_block = 1;  // logical block size / 512: 8 for a 4 KiB-sector device
  PriorContent prior = PriorContent::zeros;
  ClassifyOptions classify;
  std::size_t max_findings = 100000;  // beyond this, findings are counted but not kept
};

struct VerifyReport {
  std::vector<Finding> findings;  // in LBA order, merged
  std::array<std::uint64_t, kSectorClassCount> sectors_by_class{};
  std::uint64_t sectors_checked = 0;
  std::uint64_t sectors_older_than_last = 0;  // intact, legal, but not the newest issued (after a cut)
  std::uint64_t findings_dropped = 0;

  // True when no finding is a failure (every finding, if any, is legal where it is).
  [[nodiscard]] bool passed() const;
  [[nodiscard]] std::uint64_t count(SectorClass kind) const {
    return sectors_by_class[static_cast<std::size_t>(kind)];
  }
  // Appends the report of the sectors that directly follow this report's sectors.
  void append(VerifyReport&& later, std::size_t max_findings);
  // Adds one finding, merging it into the last one when it continues it.
  void add(Finding finding, std::size_t max_findings);
};

void to_json(nlohmann::json& json, const VerifyReport& report);

// Verifies `buffer` read from `first_lba` onwards; only whole sectors are verified (a trailing partial
// sector is not counted in `sectors_checked`).
[[nodiscard]] VerifyReport verify_sectors(const StampKeys& keys, std::span<const std::uint8_t> buffer,
                                          std::uint64_t first_lba, const ExpectedState& state,
                                          const VerifyOptions& options = {});

// The same for a buffer whose expected state is already extracted (the extents must cover the buffer).
[[nodiscard]] VerifyReport verify_sectors(const StampKeys& keys, std::span<const std::uint8_t> buffer,
                                          std::uint64_t first_lba, std::span<const Extent> extents,
                                          const VerifyOptions& options);

// A finding for sectors that could not be read at all.
[[nodiscard]] Finding unreadable_finding(LbaRange range, GenerationRange expected, int error_number);

}  // namespace dextqual::integrity
