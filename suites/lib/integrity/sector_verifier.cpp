#include "integrity/sector_verifier.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/work_counters.h"
#include "integrity/payload_stream.h"

namespace dextqual::integrity {
namespace {

bool legal_where_nothing_must_survive(SectorClass kind, PriorContent prior) {
  switch (kind) {
    case SectorClass::zero_filled:
      return true;
    case SectorClass::one_filled:
    case SectorClass::foreign:
    case SectorClass::garbage:
      return prior == PriorContent::any;
    default:
      return false;
  }
}

// "@0x40 found <16 bytes> expected <16 bytes>" at the first 8-byte word that differs from the newest
// legal sector (the header's unpredictable fields are taken from the sector itself).
std::string excerpt(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba,
                    GenerationRange expected) {
  std::array<std::uint8_t, kSectorSize> want{};
  if (expected.last != 0) {
    const SectorHeader header = decode_header(sector);
    stamp_sector(keys,
                 {.lba = lba,
                  .generation = expected.last,
                  .write_id = header.write_id,
                  .seq = header.seq,
                  .writer_id = header.writer_id,
                  .block_shift = header.block_shift},
                 want);
  }
  std::size_t offset = 0;
  while (offset + 8 < kSectorSize && std::equal(want.begin() + static_cast<std::ptrdiff_t>(offset),
                                                want.begin() + static_cast<std::ptrdiff_t>(offset + 8),
                                                sector.begin() + static_cast<std::ptrdiff_t>(offset))) {
    offset += 8;
  }
  offset = std::min(offset, kSectorSize - 16);
  char position[16];
  std::snprintf(position, sizeof position, "@0x%03zx", offset);
  return std::string(position) + " found " + to_hex(sector.data() + offset, 16) + " expected " +
         to_hex(want.data() + offset, 16);
}

Finding finding_for(const SectorVerdict& verdict, std::uint64_t lba, GenerationRange expected,
                    const VerifyOptions& options) {
  Finding f;
  f.kind = verdict.kind;
  f.range = {lba, 1};
  f.expected = expected;
  if (verdict.has_stamp) {
    f.found_generation = verdict.found_generation;
    f.found_lba = verdict.found_lba;
  }
  if (verdict.kind == SectorClass::torn) {
    f.other_generation = verdict.other_generation;
    f.torn_scope = TornScope::sector;
  }
  if (verdict.kind == SectorClass::foreign) {
    f.found_run_id = verdict.found_run_id;
  }
  if (verdict.kind == SectorClass::misdirected) {
    f.lba_delta = static_cast<std::int64_t>(verdict.found_lba - lba);
  }
  f.bit_count = static_cast<std::uint64_t>(verdict.bit_count);
  f.acceptable = expected.floor == 0 && legal_where_nothing_must_survive(verdict.kind, options.prior);
  return f;
}

// Sectors of one logical block that are each a legal-looking stamp of this run at their own LBA but
// carry different generations: the block was torn (PERSISTENCE.md §2, item 6).
bool mark_torn_block(std::span<SectorVerdict> block) {
  std::uint64_t low = UINT64_MAX;
  std::uint64_t high = 0;
  for (const SectorVerdict& v : block) {
    if (v.kind != SectorClass::intact && v.kind != SectorClass::stale && v.kind != SectorClass::phantom) {
      return false;
    }
    low = std::min(low, v.found_generation);
    high = std::max(high, v.found_generation);
  }
  if (low == high) {
    return false;
  }
  for (SectorVerdict& v : block) {
    v.kind = SectorClass::torn;
    v.found_generation = low;
    v.other_generation = high;
  }
  return true;
}

}  // namespace

bool VerifyReport::passed() const {
  return findings_dropped == 0 &&
         std::all_of(findings.begin(), findings.end(), [](const Finding& f) { return f.acceptable; });
}

void VerifyReport::add(Finding finding, std::size_t max_findings) {
  if (!findings.empty() && findings.back().try_extend(finding)) {
    return;
  }
  if (findings.size() >= max_findings) {
    ++findings_dropped;
    return;
  }
  findings.push_back(std::move(finding));
}

void VerifyReport::append(VerifyReport&& later, std::size_t max_findings) {
  for (std::size_t i = 0; i < kSectorClassCount; ++i) {
    sectors_by_class[i] += later.sectors_by_class[i];
  }
  sectors_checked += later.sectors_checked;
  sectors_older_than_last += later.sectors_older_than_last;
  findings_dropped += later.findings_dropped;
  for (Finding& f : later.findings) {
    add(std::move(f), max_findings);
  }
}

void to_json(nlohmann::json& json, const VerifyReport& report) {
  nlohmann::json counts = nlohmann::json::object();
  for (std::size_t i = 0; i < kSectorClassCount; ++i) {
    if (report.sectors_by_class[i] != 0) {
      counts[std::string(to_string(static_cast<SectorClass>(i)))] = report.sectors_by_class[i];
    }
  }
  json = nlohmann::json{{"passed", report.passed()},
                        {"sectors_checked", report.sectors_checked},
                        {"sectors_older_than_last", report.sectors_older_than_last},
                        {"sectors_by_class", counts},
                        {"findings", report.findings},
                        {"findings_dropped", report.findings_dropped}};
}

Finding unreadable_finding(LbaRange range, GenerationRange expected, int error_number) {
  Finding f;
  f.kind = SectorClass::unreadable;
  f.range = range;
  f.expected = expected;
  f.error_number = error_number;
  return f;
}

VerifyReport verify_sectors(const StampKeys& keys, std::span<const std::uint8_t> buffer,
                            std::uint64_t first_lba, const ExpectedState& state,
                            const VerifyOptions& options) {
  const std::vector<Extent> extents = state.extents({first_lba, buffer.size() / kSectorSize});
  return verify_sectors(keys, buffer, first_lba, extents, options);
}

VerifyReport verify_sectors(const StampKeys& keys, std::span<const std::uint8_t> buffer,
                            std::uint64_t first_lba, std::span<const Extent> extents,
                            const VerifyOptions& options) {
  VerifyReport report;
  const std::uint64_t count = buffer.size() / kSectorSize;
  work_counters().bytes_verified.fetch_add(count * kSectorSize, std::memory_order_relaxed);
  const std::uint64_t per_block = std::max<std::uint32_t>(options.sectors_per_block, 1);
  std::vector<SectorVerdict> verdicts(count);
  std::vector<GenerationRange> expected(count);
  std::vector<std::uint8_t> torn_block(count, 0);
  auto extent = extents.begin();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t lba = first_lba + i;
    while (extent != extents.end() && extent->range.end() <= lba) {
      ++extent;
    }
    const GenerationRange gens =
        (extent != extents.end() && extent->range.contains(lba)) ? extent->generations : GenerationRange{};
    expected[i] = gens;
    ConstSectorSpan sector(buffer.data() + i * kSectorSize, kSectorSize);
    if (gens.last != 0 && sector_intact(keys, sector, lba, gens.floor, gens.last)) {
      verdicts[i].kind = SectorClass::intact;
      verdicts[i].has_stamp = true;
      verdicts[i].found_lba = lba;
      verdicts[i].found_generation = load_word(sector.data() + 24);
    } else {
      verdicts[i] = classify_sector(keys, sector, lba, gens, options.classify);
    }
  }
  if (per_block > 1) {
    // Only whole logical blocks inside the buffer can be judged for tearing.
    const std::uint64_t skip = (per_block - first_lba % per_block) % per_block;
    for (std::uint64_t i = skip; i + per_block <= count; i += per_block) {
      if (mark_torn_block(std::span(verdicts).subspan(i, per_block))) {
        std::fill_n(torn_block.begin() + static_cast<std::ptrdiff_t>(i), per_block, 1);
      }
    }
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    const SectorVerdict& v = verdicts[i];
    ++report.sectors_by_class[static_cast<std::size_t>(v.kind)];
    if (v.kind == SectorClass::intact) {
      report.sectors_older_than_last += v.found_generation < expected[i].last ? 1 : 0;
      continue;
    }
    Finding f = finding_for(v, first_lba + i, expected[i], options);
    if (torn_block[i] != 0) {
      f.torn_scope = TornScope::block;
    }
    const std::size_t before = report.findings.size();
    report.add(std::move(f), options.max_findings);
    if (report.findings.size() > before) {
      report.findings.back().excerpt = excerpt(
          keys, ConstSectorSpan(buffer.data() + i * kSectorSize, kSectorSize), first_lba + i, expected[i]);
    }
  }
  report.sectors_checked = count;
  return report;
}

}  // namespace dextqual::integrity
