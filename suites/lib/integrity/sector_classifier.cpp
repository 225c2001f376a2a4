#include "integrity/sector_classifier.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "integrity/payload_stream.h"

namespace dextqual::integrity {
namespace {

constexpr std::uint64_t kAllWords = (std::uint64_t{1} << kPayloadWords) - 1;

bool all_bytes(ConstSectorSpan sector, std::uint8_t value) {
  return std::all_of(sector.begin(), sector.end(), [value](std::uint8_t byte) { return byte == value; });
}

// Generations worth trying as the source of a damaged sector: the newest `max` of floor..last (never 0,
// which is prior content and has no stamp), plus the generation the header claims if it is plausible.
std::vector<std::uint64_t> candidate_generations(GenerationRange expected, std::uint64_t claimed,
                                                 const ClassifyOptions& options) {
  std::vector<std::uint64_t> out;
  const std::uint64_t low = std::max<std::uint64_t>(expected.floor, 1);
  for (std::uint64_t g = expected.last; g >= low && out.size() < options.max_candidates; --g) {
    out.push_back(g);
  }
  if (claimed != 0 && std::find(out.begin(), out.end(), claimed) == out.end()) {
    out.push_back(claimed);
  }
  return out;
}

// Bits that differ in the header fields a verifier can predict (magic, run id, LBA, generation,
// version, reserved) from a stamp of (lba, generation).
int predictable_header_distance(const SectorHeader& header, std::uint64_t run_id, std::uint64_t lba,
                                std::uint64_t generation) {
  return std::popcount(header.magic ^ kStampMagic) + std::popcount(header.run_id ^ run_id) +
         std::popcount(header.lba ^ lba) + std::popcount(header.generation ^ generation) +
         std::popcount(static_cast<unsigned>(header.version ^ kStampVersion)) +
         std::popcount(static_cast<unsigned>(header.reserved));
}

// The header's predictable fields are right but the MAC fails: the damage is in write id, seq, writer,
// block shift or the MAC itself. One flipped bit there is found by trying each; more counts as 2.
int unpredictable_header_distance(const StampKeys& keys, ConstSectorSpan sector) {
  std::uint8_t header[kHeaderSize];
  std::copy_n(sector.begin(), kHeaderSize, header);
  for (std::size_t bit = 32 * 8; bit < kHeaderSize * 8; ++bit) {
    header[bit / 8] ^= static_cast<std::uint8_t>(1U << (bit % 8));
    if (load_word(header + kMacOffset) == header_mac(keys, header)) {
      return 1;
    }
    header[bit / 8] ^= static_cast<std::uint8_t>(1U << (bit % 8));
  }
  return 2;
}

// A sector whose payload words each match one of two generations (and neither alone): a shorn write.
bool find_shorn_pair(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba, std::uint64_t claimed,
                     const std::vector<std::uint64_t>& candidates, SectorVerdict& verdict) {
  std::vector<std::uint64_t> masks;
  masks.reserve(candidates.size());
  for (std::uint64_t g : candidates) {
    masks.push_back(payload_match_mask(payload_seed(keys, lba, g), sector.data() + kHeaderSize));
  }
  for (std::size_t a = 0; a < masks.size(); ++a) {
    for (std::size_t b = a + 1; b < masks.size(); ++b) {
      if ((masks[a] | masks[b]) == kAllWords && masks[a] != kAllWords && masks[b] != kAllWords &&
          masks[a] != 0 && masks[b] != 0) {
        // The header names the generation that wrote it; otherwise the majority of the words does.
        const bool a_first = candidates[a] == claimed ||
                             (candidates[b] != claimed && std::popcount(masks[a]) >= std::popcount(masks[b]));
        verdict.kind = SectorClass::torn;
        verdict.found_generation = candidates[a_first ? a : b];
        verdict.other_generation = candidates[a_first ? b : a];
        return true;
      }
    }
  }
  return false;
}

// The smallest bit distance from `sector` to a legal sector at `lba`, over the candidate generations.
int best_bit_distance(const StampKeys& keys, ConstSectorSpan sector, const SectorHeader& header,
                      std::uint64_t lba, const std::vector<std::uint64_t>& candidates, bool header_ok,
                      std::uint64_t& best_generation) {
  int best = 1 << 30;
  for (std::uint64_t g : candidates) {
    int distance = payload_bit_distance(payload_seed(keys, lba, g), sector.data() + kHeaderSize);
    if (distance >= best) {
      continue;
    }
    if (!header_ok) {
      const int predictable = predictable_header_distance(header, keys.run_id, lba, g);
      distance += predictable;
      if (predictable == 0) {
        distance += unpredictable_header_distance(keys, sector);
      }
    } else if (header.generation != g) {
      continue;  // an authentic header names its generation; the payload must be that one's
    }
    if (distance < best) {
      best = distance;
      best_generation = g;
    }
  }
  return best;
}

}  // namespace

std::string_view to_string(SectorClass kind) {
  switch (kind) {
    case SectorClass::intact:
      return "intact";
    case SectorClass::zero_filled:
      return "zero-filled";
    case SectorClass::one_filled:
      return "one-filled";
    case SectorClass::foreign:
      return "foreign";
    case SectorClass::garbage:
      return "garbage";
    case SectorClass::misdirected:
      return "misdirected";
    case SectorClass::stale:
      return "stale";
    case SectorClass::phantom:
      return "phantom";
    case SectorClass::torn:
      return "torn";
    case SectorClass::bit_flip:
      return "bit flip";
    case SectorClass::unreadable:
      return "unreadable";
  }
  return "unknown";
}

SectorVerdict classify_sector(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba,
                              GenerationRange expected, const ClassifyOptions& options) {
  SectorVerdict verdict;
  if (all_bytes(sector, 0x00)) {
    verdict.kind = SectorClass::zero_filled;
    return verdict;
  }
  if (all_bytes(sector, 0xFF)) {
    verdict.kind = SectorClass::one_filled;
    return verdict;
  }
  const SectorHeader header = decode_header(sector);
  const bool ours = header.structurally_valid() && header.run_id == keys.run_id;
  const bool authentic = ours && header_authentic(keys, sector);
  if (authentic) {
    verdict.has_stamp = true;
    verdict.found_lba = header.lba;
    verdict.found_generation = header.generation;
    const bool payload_ok =
        payload_equals(payload_seed(keys, header.lba, header.generation), sector.data() + kHeaderSize);
    if (header.lba != lba) {
      // A valid stamp of this run for another LBA. Damage to its payload does not change the story.
      verdict.kind = SectorClass::misdirected;
      return verdict;
    }
    if (payload_ok) {
      verdict.kind = header.generation < expected.floor  ? SectorClass::stale
                     : header.generation > expected.last ? SectorClass::phantom
                                                         : SectorClass::intact;
      return verdict;
    }
  }
  const std::vector<std::uint64_t> candidates =
      candidate_generations(expected, ours && header.lba == lba ? header.generation : 0, options);
  if (ours && header.lba == lba &&
      find_shorn_pair(keys, sector, lba, header.generation, candidates, verdict)) {
    verdict.has_stamp = true;
    verdict.found_lba = lba;
    return verdict;
  }
  std::uint64_t best_generation = 0;
  const int distance = best_bit_distance(keys, sector, header, lba, candidates, authentic, best_generation);
  if (distance <= options.max_bit_flips) {
    verdict.kind = SectorClass::bit_flip;
    verdict.bit_count = distance;
    verdict.has_stamp = true;
    verdict.found_lba = lba;
    verdict.found_generation = best_generation;
    return verdict;
  }
  if (header.structurally_valid() && header.run_id != keys.run_id) {
    verdict.kind = SectorClass::foreign;
    verdict.has_stamp = true;
    verdict.found_lba = header.lba;
    verdict.found_generation = header.generation;
    verdict.found_run_id = header.run_id;
    return verdict;
  }
  verdict.kind = SectorClass::garbage;
  return verdict;
}

}  // namespace dextqual::integrity
