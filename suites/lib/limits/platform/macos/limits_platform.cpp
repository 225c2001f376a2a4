// macOS sources of transfer limits: the IORegistry as the block layer sees it (nearest ancestor of the
// disk's IOMedia, through `ioreg -a`, run with the project's one process wrapper) and the DKIOCGETMAX*
// ioctls on the raw node (rule 6 compares the two). Not compiled or run on Linux; the ioreg parser it
// uses is tested there with recorded outputs.
#include <chrono>

#include "limits/limits_gather.h"
#include "limits/platform/macos/limits_dkioc.h"
#include "macos/ioreg_limits.h"
#include "process/child_process.h"

namespace dextqual::limits {

void gather_platform_limits(const DutDescription& dut, LimitsReport& report) {
  const std::string& node = dut.raw_node.empty() ? dut.buffered_node : dut.raw_node;
  if (node.empty()) {
    report.notes.push_back("no disk node in dut.json: IORegistry and DKIOCGETMAX* not read");
    return;
  }
  process::ChildSpec spec;
  spec.argv = {"ioreg", "-a", "-l", "-t", "-r", "-c", "IOMedia"};
  spec.timeout = std::chrono::seconds(30);
  const process::ChildOutcome outcome = process::run_child(spec);
  if (!outcome.succeeded()) {
    report.notes.push_back("ioreg -a failed: " + outcome.describe());
  } else if (auto registry = limits_from_ioreg(outcome.out.text(), node); !registry) {
    report.notes.push_back("IORegistry limits not read: " + registry.error().message());
  } else {
    // What a personality asked for in "SCSI Device Characteristics" but the SBC driver did not
    // republish is invisible to request splitting: say so (forum 807791's byte limit was such a case).
    if (auto requested = requested_limits_from_ioreg(outcome.out.text(), node); requested) {
      for (const Direction direction : {Direction::read, Direction::write}) {
        const auto& asked = requested->of(direction).max_byte_count;
        const auto& used = registry->of(direction).max_byte_count;
        if (asked && asked != used) {
          report.notes.push_back(std::string("SCSI Device Characteristics asks for IOMaximumByteCount") +
                                 (direction == Direction::read ? "Read " : "Write ") +
                                 std::to_string(*asked) + "; the block layer reads " +
                                 (used ? std::to_string(*used) : "none"));
        }
      }
    }
    if (!report.published) report.published = std::move(*registry);
  }
  if (auto ioctl = limits_from_dkioc(node); ioctl) {
    report.ioctl = std::move(*ioctl);
  } else {
    report.notes.push_back("DKIOCGETMAX* not read: " + ioctl.error().message());
  }
}

}  // namespace dextqual::limits
