// Finding a disk again by who it is, after an eject, a detach or a reboot renumbered it: macOS hands
// out diskN in attach order, so the node a test started with may now be another disk or none. The
// decision and the polling loop are the device module's (device/find_again.h); this is the macOS
// listing they run over: the physical whole disks, with their IORegistry identities.
#pragma once

#include <vector>

#include "core/result.h"
#include "device/find_again.h"
#include "macos/host_disks.h"

namespace dextqual::macos {

// The physical whole disks as device records (synthesized containers, partitions and volumes are
// partitions there, so device::disks_with_identity never picks them).
[[nodiscard]] Result<std::vector<device::BlockDevice>> physical_disks(const platform::CommandRunner& runner);

// device::find_again over physical_disks(runner); `options.list` is replaced.
[[nodiscard]] Result<device::BlockDevice> find_again(const platform::CommandRunner& runner,
                                                     const DutIdentity& identity,
                                                     device::FindOptions options);

}  // namespace dextqual::macos
