// What happens to the device under test itself: a clean eject, a surprise removal, its return, a power
// cut, a restart standing in for a host reboot — and finding it again afterwards by identity, never by
// a remembered path (/dev/loop3 and /dev/disk5 can come back under another number; ARCHITECTURE.md).
//
// Implementations: simdext through its control CLI (lifecycle_simdext.cpp); a real disk by the OS's own
// mechanism (platform/<os>/lifecycle_<os>_device.cpp, on lifecycle_platform_device.h); what only a lab can
// do through the station's hooks (lifecycle_hooks.cpp: power_cycle, replug). An event the DUT cannot
// undergo answers why_unsupported() with a reason, and the test skips with it.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/result.h"
#include "dut/dut_description.h"
#include "lifecycle/lifecycle_command.h"

namespace dextqual::platform {

enum class DeviceEvent {
  eject,   // clean removal: the host quiesces, flushes (SYNCHRONIZE CACHE) and stops the unit, then detaches
  detach,  // surprise removal: the device vanishes, I/O in flight must fail promptly
  attach,  // the device comes back: re-plug, host rescan, power restored after a cut
  power_cut,  // the device loses power with whatever its volatile cache holds; attach restores it
  restart,    // the whole stack restarts, as across a host reboot (simdext `restart`)
};

[[nodiscard]] std::string to_string(DeviceEvent event);

class DeviceLifecycle {
 public:
  virtual ~DeviceLifecycle() = default;

  // "simdext ctl", "linux sysfs", "station hook", for reports and properties.
  [[nodiscard]] virtual std::string method() const = 0;

  [[nodiscard]] virtual std::optional<std::string> why_unsupported(DeviceEvent event) const = 0;

  // Performs the event and returns once the tool that performs it has returned. The device may still
  // be on its way back after attach: find_again() waits for it.
  [[nodiscard]] virtual Status apply(DeviceEvent event) = 0;

  // Waits up to `budget` for a device with `before`'s identity (device::same_identity) to be present and
  // usable, and returns its description with the current nodes. An Error names what was seen instead.
  [[nodiscard]] virtual Result<DutDescription> find_again(const DutDescription& before,
                                                          std::chrono::milliseconds budget) = 0;
};

// simdext when the DUT is simdext; otherwise the platform's own mechanism with the station hooks on top.
[[nodiscard]] std::unique_ptr<DeviceLifecycle> make_device_lifecycle(const DutDescription& dut,
                                                                     CommandRunner runner);

// The platform's native mechanism for a real disk (chosen in lifecycle.cmake).
[[nodiscard]] std::unique_ptr<DeviceLifecycle> make_platform_device_lifecycle(const DutDescription& dut,
                                                                              CommandRunner runner);

// The simdext implementation, exposed for the factory and its tests.
[[nodiscard]] std::unique_ptr<DeviceLifecycle> make_simdext_device_lifecycle(const DutDescription& dut,
                                                                             CommandRunner runner);

// Wraps `native` so that events a station hook covers run the hook instead (lifecycle_hooks.cpp), each
// with its timeout, its output written to `log` (default: stdout, i.e. the test's log).
[[nodiscard]] std::unique_ptr<DeviceLifecycle> with_station_hooks(std::unique_ptr<DeviceLifecycle> native,
                                                                  const DutDescription& dut,
                                                                  CommandRunner runner);
[[nodiscard]] std::unique_ptr<DeviceLifecycle> with_station_hooks(std::unique_ptr<DeviceLifecycle> native,
                                                                  const DutDescription& dut,
                                                                  CommandRunner runner, std::ostream& log);

}  // namespace dextqual::platform
