#include "lifecycle/lifecycle_device.h"

namespace dextqual::platform {

std::string to_string(DeviceEvent event) {
  switch (event) {
    case DeviceEvent::eject:
      return "eject";
    case DeviceEvent::detach:
      return "detach";
    case DeviceEvent::attach:
      return "attach";
    case DeviceEvent::power_cut:
      return "power-cut";
    case DeviceEvent::restart:
      return "restart";
  }
  return "unknown";
}

std::unique_ptr<DeviceLifecycle> make_device_lifecycle(const DutDescription& dut, CommandRunner runner) {
  if (dut.kind == DutKind::simdext && !dut.simdext_state.empty()) {
    // A station that gives a hook for a simdext DUT means it (a test station rehearsing its PDU).
    const bool hooked = dut.hooks.contains("power_cycle") || dut.hooks.contains("replug");
    auto simdext = make_simdext_device_lifecycle(dut, runner);
    return hooked ? with_station_hooks(std::move(simdext), dut, std::move(runner)) : std::move(simdext);
  }
  return with_station_hooks(make_platform_device_lifecycle(dut, runner), dut, runner);
}

}  // namespace dextqual::platform
