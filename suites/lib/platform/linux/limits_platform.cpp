// Linux sources of transfer limits: the block queue in sysfs. VPD Block Limits (B0h) needs the SCSI
// initiator (suites/lib/scsi); until the limits gatherer uses it, its absence is a note.
#include "platform/limits_gather.h"
#include "platform/linux/limits_sysfs.h"

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
  report.notes.push_back("VPD Block Limits (B0h) not read: no SCSI initiator in the limits gatherer yet");
}

}  // namespace dextqual::limits
