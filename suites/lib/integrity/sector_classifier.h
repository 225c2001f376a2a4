// Classification of one read-back sector against what the expected state allows there (PERSISTENCE.md
// §2, "Read classification"). The verifier's fast path (`sector_intact`) settles the common case; this
// is the slow path that says *what* a sector is when it is not what it should be: zero- or one-filled,
// foreign (another run's stamp), garbage, misdirected (this run, another LBA), stale (older than the
// floor: a lost write), phantom (newer than ever issued), torn (a sector mixing two generations), or a
// bit flip (a few bits away from a legal sector). Torn logical blocks (sectors of one block from
// different generations) are a property of several sectors and are decided by the verifier.
#pragma once

#include <cstdint>
#include <string_view>

#include "integrity/expected_state.h"
#include "integrity/sector_stamp.h"

namespace dextqual::integrity {

enum class SectorClass : std::uint8_t {
  intact,
  zero_filled,
  one_filled,
  foreign,
  garbage,
  misdirected,
  stale,
  phantom,
  torn,
  bit_flip,
  unreadable,  // the read itself failed (medium error, EIO)
};
inline constexpr std::size_t kSectorClassCount = 11;

[[nodiscard]] std::string_view to_string(SectorClass kind);

// What was before this run at LBAs whose floor is generation 0, i.e. what may legally still be there.
enum class PriorContent : std::uint8_t {
  zeros,  // a zero pre-fill, or unmapped with LBPRZ: zero-filled is legal, anything else is not
  any,    // unknown: anything that is not this run's stamp is legal until a write must survive
};

struct ClassifyOptions {
  int max_bit_flips = 8;              // up to this many differing bits is a "bit flip", more is garbage
  std::uint64_t max_candidates = 16;  // newest generations in floor..last tried as bit-flip/torn sources
};

struct SectorVerdict {
  SectorClass kind = SectorClass::garbage;
  std::uint64_t found_lba = 0;         // from the stamp, when there is one
  std::uint64_t found_generation = 0;  // from the stamp (torn: the generation of the header)
  std::uint64_t other_generation = 0;  // torn: the second generation found
  std::uint64_t found_run_id = 0;      // foreign: the other run's id
  int bit_count = 0;                   // bit flip: bits that differ from the best legal sector
  bool has_stamp = false;              // found_lba/found_generation are meaningful
};

// Classifies `sector`, read from `lba`, where `expected` is acceptable.
[[nodiscard]] SectorVerdict classify_sector(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba,
                                            GenerationRange expected, const ClassifyOptions& options = {});

}  // namespace dextqual::integrity
