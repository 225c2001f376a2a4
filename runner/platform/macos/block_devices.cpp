// macOS: not implemented yet. The safety gate refuses every --device here rather than guess; the
// recorded diskutil outputs in fixtures/macos/ are where this adapter will be tested from.
#include "runner/block_devices.h"

namespace dextqual::runner {

Result<std::vector<BlockDevice>> list_block_devices() {
  return fail("list block devices", "not implemented on macOS yet (diskutil list -plist)");
}

Result<std::vector<Mount>> list_mounts() { return fail("list mounts", "not implemented on macOS yet"); }

Result<std::vector<std::string>> system_disks() {
  return fail("find the system disk", "not implemented on macOS yet");
}

}  // namespace dextqual::runner
