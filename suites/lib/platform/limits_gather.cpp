#include "platform/limits_gather.h"

#include <unistd.h>

#include "platform/limits_simdext.h"

namespace dextqual::limits {

Result<LimitsReport> gather_limits(const DutDescription& dut) {
  LimitsReport report;
  report.block_size = dut.logical_block_size;
  report.page_size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  if (auto it = dut.extra.find("simdext"); it != dut.extra.end()) {
    DQ_TRY_ASSIGN(auto simdext, limits_from_simdext(*it));
    report.published = std::move(simdext.published);
    report.dma = simdext.dma;
  }
  gather_platform_limits(dut, report);
  return report;
}

}  // namespace dextqual::limits
