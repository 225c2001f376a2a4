#include "hotplug_cycle.h"

#include "lifecycle/lifecycle_host.h"

namespace dextqual::lifecycle {

ResourceCount count_resources(const DutDescription& dut) {
  ResourceCount count;
  count.open_fds = platform::open_descriptors();
  count.dut_mounts = platform::mounts_of(dut.raw_node);
  count.sim_loops = platform::loop_devices_backed_under(dut.simdext_state);
  return count;
}

std::vector<std::string> descriptors_leaked_since(const ResourceCount& before) {
  return leaked_descriptors(before.open_fds, [] { return platform::open_descriptors(); });
}

}  // namespace dextqual::lifecycle
