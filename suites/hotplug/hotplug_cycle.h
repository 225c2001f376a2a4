// What every hot-plug cycle checks besides its own event: that nothing of the DUT leaked — no file
// descriptor of this process, no mount of a DUT node, and (simdext) no loop device left over a
// previous attachment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dut/dut_description.h"

namespace dextqual::lifecycle {

struct ResourceCount {
  std::size_t open_fds = 0;
  std::vector<std::string> dut_mounts;  // mount points of the DUT's nodes
  std::vector<std::string> sim_loops;   // loop devices backed by the simdext state (simdext only)
};

[[nodiscard]] ResourceCount count_resources(const DutDescription& dut);

}  // namespace dextqual::lifecycle
