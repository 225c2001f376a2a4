// Linux sources of transfer limits: the block queue in sysfs (VPD B0h is read by the shared gatherer
// through the SCSI pass-through).
#include "limits/limits_gather.h"
#include "limits/platform/linux/limits_sysfs.h"

namespace dextqual::limits {

void gather_platform_limits(const DutDescription& dut, LimitsReport& report) {
  const std::string& node = dut.raw_node.empty() ? dut.buffered_node : dut.raw_node;
  if (node.empty()) {
    report.notes.push_back("no block node in dut.json: sysfs queue limits not read");
    return;
  }
  auto dir = queue_dir_for_node(node);
  if (!dir) {
    report.notes.push_back("sysfs queue limits of " + node + " not read: " + dir.error().message());
    return;
  }
  auto queue = read_queue_limits(*dir);
  if (!queue) {
    report.notes.push_back("sysfs queue limits of " + node + " not read: " + queue.error().message());
    return;
  }
  report.linux_queue = std::move(*queue);
}

}  // namespace dextqual::limits
