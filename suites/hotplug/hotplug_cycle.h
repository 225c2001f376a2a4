// What every hot-plug cycle checks besides its own event: that nothing of the DUT leaked — no file
// descriptor of this process, no mount of a DUT node, and (simdext) no loop device left over a
// previous attachment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dut/dut_description.h"
#include "lifecycle/descriptor_leaks.h"

namespace dextqual::lifecycle {

struct ResourceCount {
  OpenDescriptors open_fds;
  std::vector<std::string> dut_mounts;  // mount points of the DUT's nodes
  std::vector<std::string> sim_loops;   // loop devices backed by the simdext state (simdext only)
};

[[nodiscard]] ResourceCount count_resources(const DutDescription& dut);

// The descriptors this process holds now that it did not hold at `before` (descriptor_leaks.h).
[[nodiscard]] std::vector<std::string> descriptors_leaked_since(const ResourceCount& before);

}  // namespace dextqual::lifecycle
