#include "hotplug_cycle.h"

#include "lifecycle/lifecycle_host.h"

namespace dextqual::lifecycle {

ResourceCount count_resources(const DutDescription& dut) {
  ResourceCount count;
  count.open_fds = platform::open_fd_count();
  count.dut_mounts = platform::mounts_of(dut.raw_node);
  count.sim_loops = platform::loop_devices_backed_under(dut.simdext_state);
  return count;
}

}  // namespace dextqual::lifecycle
