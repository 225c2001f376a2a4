// The write plan every persistence test follows, and the journal it keeps. The test area starts at
// 1 MiB and is cut into regions, one per durability case (PERSISTENCE.md §3):
//   flushed     gen 1, then a flush              must survive
//   fua         gen 1 with FUA                   must survive
//   overwritten gen 1 + flush, then gen 2        gen 1 must survive; gen 2 only after a clean event
//   unflushed   gen 1, never flushed             zeros or gen 1; gen 1 only after a clean event
//   fua_over    gen 1 + flush, then gen 2 FUA    gen 2 must survive
// The area is zero-filled and flushed first, so "what was there before" is known (prior = zeros). The
// journal and the run key live in the run's state directory, never on the DUT.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"
#include "dut/dut_description.h"
#include "integrity/expected_state.h"
#include "integrity/run_identity.h"
#include "lifecycle/journaled_writer.h"
#include "lifecycle/run_state.h"

namespace dextqual::lifecycle {

struct PersistencePlan {
  std::uint64_t first_lba = 2048;       // 1 MiB in
  std::uint64_t region_sectors = 4096;  // 2 MiB per region (quick), 16 MiB otherwise
  static constexpr std::uint64_t kRegions = 5;

  [[nodiscard]] static PersistencePlan for_dut(const DutDescription& dut);
  [[nodiscard]] integrity::LbaRange region(std::uint64_t index) const {
    return {first_lba + index * region_sectors, region_sectors};
  }
  [[nodiscard]] integrity::LbaRange area() const { return {first_lba, kRegions * region_sectors}; }
};

// Zero-fills and flushes the plan's area (not journaled: generation 0 is "before this run").
[[nodiscard]] Status zero_fill(RawBlockDevice& device, const PersistencePlan& plan);

// Runs the five regions' writes and flushes through `writer`.
[[nodiscard]] Status run_plan(JournaledWriter& writer, const PersistencePlan& plan);

// How phase 1 ends in the journal: a clean quiesce (eject, reboot: every acknowledged write becomes
// binding, PERSISTENCE.md §3) or a plain mark before a surprise event (power cut: the rule alone).
enum class JournalEnd { quiesced, mark_cut };

// Phase 1 shared by the eject, power-cut and reboot tests: opens the journal at `journal_path`, zero-fills
// the plan's area of the DUT's raw node, writes the plan through the journal, and ends it as `end` says.
[[nodiscard]] Status write_plan_journaled(const DutDescription& dut, const std::string& journal_path,
                                          const integrity::RunIdentity& identity, const PersistencePlan& plan,
                                          JournalEnd end);

}  // namespace dextqual::lifecycle
