#include "macos/find_by_identity.h"

namespace dextqual::macos {

Result<std::vector<device::BlockDevice>> physical_disks(const platform::CommandRunner& runner) {
  DQ_TRY_ASSIGN(const std::vector<HostDisk> disks, list_host_disks(runner));
  std::vector<device::BlockDevice> records(disks.begin(), disks.end());
  return records;
}

Result<device::BlockDevice> find_again(const platform::CommandRunner& runner, const DutIdentity& identity,
                                       device::FindOptions options) {
  options.list = [&runner] { return physical_disks(runner); };
  return device::find_again(identity, options);
}

}  // namespace dextqual::macos
