#include "limits/limits_gather.h"

#include <unistd.h>

#include "limits/limits_simdext.h"
#include "limits/limits_vpd.h"

namespace dextqual::limits {

namespace {

std::string show(const std::optional<std::uint64_t>& value) { return value ? std::to_string(*value) : "-"; }

}  // namespace

std::string describe_sources(const LimitsReport& report) {
  std::string text =
      "block " + std::to_string(report.block_size) + " B, page " + std::to_string(report.page_size) + " B\n";
  if (report.published) {
    const auto& p = *report.published;
    text += p.source + ": byte count R/W " + show(p.read.max_byte_count) + "/" +
            show(p.write.max_byte_count) + ", block count " + show(p.read.max_block_count) + "/" +
            show(p.write.max_block_count) + ", segments " + show(p.read.max_segment_count) + "/" +
            show(p.write.max_segment_count) + " x " + show(p.read.max_segment_byte_count) + "/" +
            show(p.write.max_segment_byte_count) + "\n";
  }
  if (report.dma) {
    text += "DMA specification: maxTransferSize " + show(report.dma->max_transfer_size) + "\n";
  }
  if (report.linux_queue) {
    const auto& q = *report.linux_queue;
    text += "sysfs " + q.device + "/queue: max_hw_sectors " + show(q.max_hw_bytes) + " B, max_sectors " +
            show(q.max_bytes) + " B, max_segments " + show(q.max_segments) + ", max_segment_size " +
            show(q.max_segment_size) + ", write_cache " + q.write_cache.value_or("-") +
            (report.queue_fronts_model ? " (fronts the simulator)" : "") + "\n";
  }
  if (report.vpd) {
    text += "VPD B0h: MAXIMUM TRANSFER LENGTH " + show(report.vpd->maximum_transfer_length) +
            " blocks, OPTIMAL " + show(report.vpd->optimal_transfer_length) + "\n";
  }
  for (const auto& note : report.notes) {
    text += "note: " + note + "\n";
  }
  return text;
}

Result<LimitsReport> gather_limits(const DutDescription& dut) {
  LimitsReport report;
  report.block_size = dut.logical_block_size;
  report.page_size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  if (auto it = dut.extra.find("simdext"); it != dut.extra.end()) {
    DQ_TRY_ASSIGN(auto simdext, limits_from_simdext(*it));
    report.published = std::move(simdext.published);
    report.dma = simdext.dma;
  }
  report.queue_fronts_model = dut.kind == DutKind::simdext;
  if (auto vpd = read_vpd_block_limits(dut); vpd) {
    report.vpd = *vpd;
  } else {
    report.notes.push_back("VPD Block Limits (B0h) not read: " + vpd.error().message());
  }
  gather_platform_limits(dut, report);
  return report;
}

}  // namespace dextqual::limits
