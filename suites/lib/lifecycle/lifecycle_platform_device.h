// What the OS's own mechanism for a real disk (make_platform_device_lifecycle) answers the same on every
// OS: from software a host can at most eject the disk cleanly and bring it back; a surprise removal and
// a power cut need the lab (the station's replug and power_cycle hooks, lifecycle_hooks.cpp) and a host
// reboot is the runner's. Those answers, and refusing an unsupported event before touching the disk,
// live here once; platform/<os>/lifecycle_<os>_device.cpp says only whether and how it ejects and
// attaches.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "lifecycle/lifecycle_device.h"

namespace dextqual::platform {

class PlatformDeviceLifecycle : public DeviceLifecycle {
 public:
  [[nodiscard]] std::optional<std::string> why_unsupported(DeviceEvent event) const final;

  // Refuses an unsupported event with its reason, naming the node; performs eject or attach otherwise.
  [[nodiscard]] Status apply(DeviceEvent event) final;

 protected:
  // The DUT's node as an error names it ("/dev/sdb"); find_again() may have changed it.
  [[nodiscard]] virtual std::string node() const = 0;

  // Only DeviceEvent::eject and DeviceEvent::attach reach these two: the other events never do.
  [[nodiscard]] virtual std::optional<std::string> why_cannot_eject_or_attach(DeviceEvent event) const = 0;
  [[nodiscard]] virtual Status eject_or_attach(DeviceEvent event) = 0;
};

}  // namespace dextqual::platform
