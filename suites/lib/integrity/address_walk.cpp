#include "integrity/address_walk.h"

#include <algorithm>
#include <bit>
#include <set>
#include <sstream>

#include "core/io_error_cause.h"

namespace dextqual::integrity {
namespace {

std::string bit_list(std::uint64_t bits) {
  std::string out;
  int count = 0;
  for (unsigned k = 0; k < 64; ++k) {
    if ((bits >> k) & 1u) {
      out += (out.empty() ? "" : ", ") + std::to_string(k);
      ++count;
    }
  }
  return (count == 1 ? "bit " : "bits ") + out;
}

// Misdirected findings: the LBA read (x) returned the stamp of y. A truncation to b bits makes
// y = x mod 2^b for every finding, with b the lowest bit in which any x and y differ.
// It is a truncation only if every walked LBA at or above 2^b failed; else single bits are masked.
std::string diagnose_misdirected(const std::vector<const AliasFinding*>& found,
                                 const std::vector<WalkPoint>& walked, std::size_t failed) {
  unsigned lowest = 64;
  std::uint64_t lost = 0;
  std::uint64_t gained = 0;
  for (const AliasFinding* f : found) {
    const std::uint64_t x = f->point.lba;
    const std::uint64_t y = *f->found_lba;
    lowest = std::min(lowest, static_cast<unsigned>(std::countr_zero(x ^ y)));
    lost |= x & ~y;
    gained |= y & ~x;
  }
  const std::uint64_t low_mask = lowest >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << lowest) - 1;
  const auto above = static_cast<std::size_t>(
      std::count_if(walked.begin(), walked.end(), [&](const WalkPoint& p) { return p.lba > low_mask; }));
  const bool truncated = gained == 0 && above == failed && above == found.size() &&
                         std::all_of(found.begin(), found.end(), [&](const AliasFinding* f) {
                           return *f->found_lba == (f->point.lba & low_mask);
                         });
  if (truncated) {
    return "the address is truncated to " + std::to_string(lowest) + " bits";
  }
  if (gained == 0) {
    return "the address loses " + bit_list(lost) + " (masked)";
  }
  if (lost == 0) {
    return "the address gains " + bit_list(gained) + " (sign-extended or a stuck bit)";
  }
  return "addresses are misdirected: " + bit_list(lost | gained) + " change on the way";
}

}  // namespace

std::vector<WalkPoint> plan_address_walk(std::uint64_t blocks, std::uint64_t limit) {
  const std::uint64_t end = std::min(blocks, limit);
  std::vector<WalkPoint> points;
  auto add = [&](std::uint64_t lba, unsigned bit) {
    if (lba < end &&
        std::none_of(points.begin(), points.end(), [&](const WalkPoint& p) { return p.lba == lba; })) {
      points.push_back({lba, bit});
    }
  };
  add(0, 0);
  add(1, 0);
  for (unsigned k = 1; k < 64 && (std::uint64_t{1} << k) < blocks; ++k) {
    const std::uint64_t power = std::uint64_t{1} << k;
    add(power - 1, k);
    add(power, k);
    add(power + 1, k);
  }
  if (end > 0) {  // the last addressable LBA sets every bit the device (or the CDB) has
    add(end - 1, static_cast<unsigned>(std::bit_width(end - 1)) - (end > 1 ? 1 : 0));
  }
  std::sort(points.begin(), points.end(),
            [](const WalkPoint& a, const WalkPoint& b) { return a.lba < b.lba; });
  return points;
}

std::string spell_lba(std::uint64_t lba) {
  if (lba >= 8) {
    if (std::has_single_bit(lba)) {
      return "2^" + std::to_string(std::countr_zero(lba));
    }
    if (std::has_single_bit(lba + 1)) {
      return "2^" + std::to_string(std::countr_zero(lba + 1)) + "-1";
    }
    if (std::has_single_bit(lba - 1)) {
      return "2^" + std::to_string(std::countr_zero(lba - 1)) + "+1";
    }
  }
  return std::to_string(lba);
}

std::string AliasFinding::describe() const {
  const std::string where = "LBA " + spell_lba(point.lba) + " (bit " + std::to_string(point.bit) + ")";
  if (!error.empty()) {
    return where + ": " + error;
  }
  if (kind == SectorClass::misdirected && found_lba) {
    return where + " read back the stamp of LBA " + spell_lba(*found_lba);
  }
  return where + " read back " + std::string(to_string(kind)) + " data instead of its own stamp";
}

StampFields walk_stamp(std::uint64_t lba, std::uint64_t generation, std::uint32_t block_size) {
  const std::uint64_t per_block = block_size / kSectorSize;
  return {.lba = lba * per_block,
          .generation = generation,
          .write_id = lba,
          .block_shift = static_cast<std::uint8_t>(std::countr_zero(per_block))};
}

std::optional<AliasFinding> check_walk_block(const StampKeys& keys, WalkPoint point,
                                             std::span<const std::uint8_t> block, std::uint64_t generation) {
  const std::uint64_t per_block = block.size() / kSectorSize;
  for (std::uint64_t s = 0; s < per_block; ++s) {
    const ConstSectorSpan sector(block.data() + s * kSectorSize, kSectorSize);
    const SectorVerdict verdict =
        classify_sector(keys, sector, point.lba * per_block + s, {generation, generation});
    if (verdict.kind == SectorClass::intact) {
      continue;
    }
    AliasFinding finding;
    finding.point = point;
    finding.kind = verdict.kind;
    if (verdict.kind == SectorClass::misdirected && verdict.has_stamp) {
      finding.found_lba = verdict.found_lba / per_block;
    }
    return finding;
  }
  return std::nullopt;
}

std::string diagnose_address_walk(const std::vector<AliasFinding>& findings,
                                  const std::vector<WalkPoint>& walked) {
  std::vector<const AliasFinding*> misdirected;
  const AliasFinding* lowest_other = nullptr;
  for (const AliasFinding& f : findings) {
    if (f.error.empty() && f.found_lba) {
      misdirected.push_back(&f);
    } else if (lowest_other == nullptr || f.point.lba < lowest_other->point.lba) {
      lowest_other = &f;
    }
  }
  if (!misdirected.empty()) {
    return diagnose_misdirected(misdirected, walked, findings.size());
  }
  if (lowest_other == nullptr) {
    return "every walked LBA read back its own stamp";
  }
  const std::string from = "from bit " + std::to_string(lowest_other->point.bit) + " (LBA " +
                           spell_lba(lowest_other->point.lba) + ") up";
  // "From bit k up" is an address property only when every walked LBA from there up failed, and not
  // for a cause that is the medium's or the clock's: otherwise the failing LBAs, each with its cause.
  const auto at_or_above = [&](std::uint64_t lba) { return lba >= lowest_other->point.lba; };
  const auto walked_above =
      std::count_if(walked.begin(), walked.end(), [&](const WalkPoint& p) { return at_or_above(p.lba); });
  const auto failed_above = std::count_if(findings.begin(), findings.end(),
                                          [&](const AliasFinding& f) { return at_or_above(f.point.lba); });
  std::set<IoErrorCause> causes;
  for (const AliasFinding& f : findings) {
    if (!f.error.empty()) causes.insert(io_error_cause(f.error));
  }
  const bool only_address_like = causes.empty() || causes == std::set<IoErrorCause>{IoErrorCause::other};
  if (!only_address_like || failed_above != walked_above) {
    std::string list;
    std::size_t shown = 0;
    for (const AliasFinding& f : findings) {
      if (shown++ == 5) {
        list += "; ...";
        break;
      }
      const std::string cause =
          f.error.empty() ? std::string(to_string(f.kind)) : std::string(to_string(io_error_cause(f.error)));
      list += (list.empty() ? "" : "; ") + ("LBA " + spell_lba(f.point.lba) + ": " + cause);
    }
    return std::to_string(findings.size()) + " of " + std::to_string(walked.size()) +
           " walked LBAs failed, not an address property (" +
           (failed_above != walked_above ? "LBAs above them work" : "the causes are not the address's") +
           "): " + list;
  }
  if (!lowest_other->error.empty()) {
    return "I/O fails " + from + ": the address is refused, sign-extended or out of range";
  }
  return "writes " + from + " do not arrive where they are addressed (" +
         std::string(to_string(lowest_other->kind)) + "): the write address is truncated or masked";
}

std::string summarize_address_walk(const std::vector<AliasFinding>& findings,
                                   const std::vector<WalkPoint>& walked, std::size_t max_lines) {
  if (findings.empty()) {
    return diagnose_address_walk(findings, walked);
  }
  std::vector<AliasFinding> sorted = findings;
  std::sort(sorted.begin(), sorted.end(),
            [](const AliasFinding& a, const AliasFinding& b) { return a.point.lba < b.point.lba; });
  // The headline: the lowest failing LBA and what all of them together say.
  std::ostringstream out;
  out << sorted.front().describe() << ": " << diagnose_address_walk(sorted, walked) << " (" << sorted.size()
      << " of " << walked.size() << " walked LBAs failed)";
  for (std::size_t i = 0; i < sorted.size() && i < max_lines; ++i) {
    out << "\n  " << sorted[i].describe();
  }
  if (sorted.size() > max_lines) {
    out << "\n  ... and " << sorted.size() - max_lines << " more";
  }
  return out.str();
}

}  // namespace dextqual::integrity
