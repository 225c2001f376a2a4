// A finding: one extent of sectors that are not what the expected state allows, with everything a
// driver engineer needs to act on it (STYLE.md §14): the LBA range, what was expected and what was
// found (generation, LBA, run), and a short hex excerpt. Neighbouring sectors with the same story merge
// into one finding, so a 1 GiB lost write is one line, not two million. Findings serialise to JSON for
// the reports and describe themselves in one line for the console.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "integrity/expected_state.h"
#include "integrity/sector_classifier.h"

namespace dextqual::integrity {

// Where tearing was seen: inside one sector (a shorn write) or across the sectors of a logical block.
enum class TornScope : std::uint8_t { none, sector, block };

struct Finding {
  SectorClass kind = SectorClass::garbage;
  LbaRange range;
  GenerationRange expected;
  std::optional<std::uint64_t> found_generation;
  std::optional<std::uint64_t> other_generation;  // torn: the second generation
  std::optional<std::uint64_t> found_lba;         // of the first sector, from its stamp
  std::optional<std::uint64_t> found_run_id;      // foreign
  std::int64_t lba_delta = 0;                     // misdirected: found LBA - read LBA
  std::uint64_t bit_count = 0;                    // bit flip: total over the extent
  TornScope torn_scope = TornScope::none;
  int error_number = 0;     // unreadable: the errno of the failed read
  bool acceptable = false;  // legal here (e.g. zero-filled where no write had to survive)
  std::string excerpt;      // first sector: "@0x40 found <16 bytes> expected <16 bytes>"

  // "LBA 2048..2303 (256 sectors): stale — expected gen 3, found gen 2 (lost write)"
  [[nodiscard]] std::string describe() const;

  // Absorbs `next` when it continues this finding (adjacent, same class and same story).
  [[nodiscard]] bool try_extend(const Finding& next);
};

void to_json(nlohmann::json& json, const Finding& finding);

// Formats `size` bytes as lowercase hex without separators.
[[nodiscard]] std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace dextqual::integrity
