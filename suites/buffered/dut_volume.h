// An ext4 filesystem made on the whole DUT node and mounted on a temporary directory for one test; the
// MountedVolume unmounts it (and removes the directory) whatever happens to the test.
#pragma once

#include <memory>

#include "core/result.h"
#include "lifecycle/lifecycle_disk.h"

namespace dextqual::buffered {

struct DutVolume {
  std::unique_ptr<platform::DiskLifecycle> disk;
  platform::Partition whole;
  platform::MountedVolume volume;
};

// mkfs.ext4 on dut().buffered_node, then mount it.
[[nodiscard]] Result<DutVolume> make_dut_volume(const std::string& label);

}  // namespace dextqual::buffered
