// Finding a DUT again after it vanished (eject, detach, power cut, reboot): by identity, never by a
// remembered path — /dev/loop3 and /dev/disk5 can come back under another number. The one polling
// loop the lifecycle adapters and the runner's resume after a reboot share.
#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include "core/result.h"
#include "device/block_devices.h"

namespace dextqual::device {

struct FindOptions {
  std::chrono::milliseconds budget{15000};
  std::chrono::milliseconds poll{100};
  // The listing to search; list_block_devices() by default (tests give a fake host).
  std::function<Result<std::vector<BlockDevice>>()> list = list_block_devices;
  // Whether a found disk can be used yet (its node may appear before it opens); by default its node
  // opens read-only.
  std::function<bool(const BlockDevice&)> usable;
};

// Waits up to `options.budget` for exactly one usable whole disk with `identity`. Fails at once for an
// identity with neither serial nor WWN; fails when two disks have it (never guess which is the DUT);
// at the deadline, fails naming what was seen.
[[nodiscard]] Result<BlockDevice> find_again(const DutIdentity& identity, const FindOptions& options = {});

}  // namespace dextqual::device
