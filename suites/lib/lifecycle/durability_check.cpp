#include "lifecycle/durability_check.h"

#include <algorithm>

#include "integrity/durability.h"
#include "integrity/stamped_io.h"
#include "integrity/write_journal.h"
#include "lifecycle/raw_block_io.h"

namespace dextqual::lifecycle {
namespace {

bool is_missing_write(integrity::SectorClass kind) {
  using integrity::SectorClass;
  return kind == SectorClass::stale || kind == SectorClass::zero_filled || kind == SectorClass::one_filled;
}

std::string label(const integrity::Finding& finding, AfterEvent event) {
  if (!is_missing_write(finding.kind) || finding.expected.floor == 0) {
    return "";
  }
  switch (event) {
    case AfterEvent::clean_eject:
      return "F4, acknowledged write not destaged at a clean eject: ";
    case AfterEvent::reboot:
      return "F4, acknowledged write not destaged across a clean reboot: ";
    case AfterEvent::power_cut:
      return "F1, flush lie: a write covered by a successful flush or FUA is missing after the power cut: ";
    case AfterEvent::surprise_removal:
      return "a write covered by a successful flush or FUA is missing after a surprise removal: ";
  }
  return "";
}

// Sectors of `range` covered by `failing` (sorted, disjoint).
std::uint64_t overlap(const integrity::LbaRange& range, const std::vector<integrity::LbaRange>& failing) {
  std::uint64_t covered = 0;
  for (const integrity::LbaRange& bad : failing) {
    if (bad.first >= range.end()) {
      break;
    }
    const std::uint64_t first = std::max(bad.first, range.first);
    const std::uint64_t end = std::min(bad.end(), range.end());
    covered += end > first ? end - first : 0;
  }
  return covered;
}

// A binding write that reached the media only in part is a torn write: say so per command, because
// the per-sector findings alone read like many small losses (PERSISTENCE.md §2, "Torn").
std::vector<std::string> torn_writes(const integrity::WriteFlushHistory& history,
                                     const std::vector<integrity::LbaRange>& failing) {
  std::vector<std::string> lines;
  for (const integrity::WriteRecord& write : history.writes) {
    if (integrity::durability_of(write, history) == integrity::Durability::may_be_lost) {
      continue;
    }
    const std::uint64_t lost = overlap(write.range, failing);
    if (lost > 0 && lost < write.range.count) {
      lines.push_back("torn write: write " + std::to_string(write.write_id) + " (LBA " +
                      std::to_string(write.range.first) + ".." + std::to_string(write.range.end() - 1) +
                      ", gen " + std::to_string(write.generation) + ") reached the media with only " +
                      std::to_string(write.range.count - lost) + " of its " +
                      std::to_string(write.range.count) + " sectors");
    }
  }
  return lines;
}

}  // namespace

Result<DurabilityVerdict> verify_durability(const std::string& raw_node,
                                            const integrity::RunIdentity& identity,
                                            const std::filesystem::path& journal_path,
                                            integrity::LbaRange range, std::uint32_t sectors_per_block,
                                            AfterEvent event) {
  DQ_TRY_ASSIGN(const integrity::WriteFlushHistory history,
                integrity::load_write_journal(journal_path, identity));
  DQ_TRY_ASSIGN(const integrity::ExpectedState expected, integrity::acceptable_state(history));
  DQ_TRY_ASSIGN(RawBlockDevice device, RawBlockDevice::open(raw_node));
  integrity::StreamOptions options;
  options.chunk_bytes = std::size_t{1} << 20;
  options.sectors_per_block = sectors_per_block;
  integrity::VerifyOptions verify;
  verify.sectors_per_block = sectors_per_block;
  verify.prior = integrity::PriorContent::zeros;  // every test zero-fills its range first
  DQ_TRY_ASSIGN(integrity::VerifyReport report,
                integrity::verify_range(device.fd(), integrity::StampKeys::for_run(identity), range, expected,
                                        options, verify));
  DurabilityVerdict verdict;
  verdict.sectors_legally_older = report.sectors_older_than_last;
  std::vector<integrity::LbaRange> failing_ranges;
  for (const integrity::Finding& finding : report.findings) {
    if (!finding.acceptable) {
      failing_ranges.push_back(finding.range);
    }
  }
  const std::vector<std::string> torn = torn_writes(history, failing_ranges);
  constexpr std::size_t kTornShown = 4;
  for (std::size_t i = 0; i < torn.size() && i < kTornShown; ++i) {
    verdict.failures.push_back(torn[i]);
  }
  if (torn.size() > kTornShown) {
    verdict.failures.push_back("... " + std::to_string(torn.size() - kTornShown) + " more torn writes");
  }
  // The first findings say what happened; thousands of lines would bury them.
  constexpr std::size_t kShown = 12;
  std::size_t failing = 0;
  for (const integrity::Finding& finding : report.findings) {
    if (!finding.acceptable && ++failing <= kShown) {
      verdict.failures.push_back(label(finding, event) + finding.describe());
    }
  }
  if (failing > kShown || report.findings_dropped > 0) {
    verdict.failures.push_back("... " + std::to_string(failing - std::min(failing, kShown)) +
                               " more failing findings, " + std::to_string(report.findings_dropped) +
                               " not kept; sectors checked: " + std::to_string(report.sectors_checked));
  }
  verdict.report = std::move(report);
  return verdict;
}

}  // namespace dextqual::lifecycle
