// macOS: the listing is suites/lib/macos/'s (diskutil list/info/apfs list -plist and the IORegistry,
// parsed and tested on every platform against real captures); this file only runs the tools. Not
// compiled on Linux.
#include "device/block_devices.h"
#include "lifecycle/lifecycle_command.h"
#include "macos/host_disks.h"

namespace dextqual::device {

Result<std::vector<BlockDevice>> list_block_devices() {
  DQ_TRY_ASSIGN(const macos::MacHost host, macos::discover_host(platform::system_command_runner()));
  return std::vector<BlockDevice>(host.disks.begin(), host.disks.end());
}

Result<std::vector<Mount>> list_mounts() {
  DQ_TRY_ASSIGN(macos::MacHost host, macos::discover_host(platform::system_command_runner()));
  return std::move(host.mounts);
}

Result<std::vector<std::string>> system_disks() {
  DQ_TRY_ASSIGN(macos::MacHost host, macos::discover_host(platform::system_command_runner()));
  return std::move(host.system_disks);
}

}  // namespace dextqual::device
