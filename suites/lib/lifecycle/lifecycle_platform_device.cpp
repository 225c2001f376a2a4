#include "lifecycle/lifecycle_platform_device.h"

namespace dextqual::platform {

std::optional<std::string> PlatformDeviceLifecycle::why_unsupported(DeviceEvent event) const {
  switch (event) {
    case DeviceEvent::eject:
    case DeviceEvent::attach:
      return why_cannot_eject_or_attach(event);
    case DeviceEvent::detach:
      return "a surprise removal cannot be made from software on a real disk";
    case DeviceEvent::power_cut:
      return "cutting the device's power needs the lab";
    case DeviceEvent::restart:
      return "a host reboot is the runner's job (station hook 'reboot')";
  }
  return "unknown event";
}

Status PlatformDeviceLifecycle::apply(DeviceEvent event) {
  if (auto reason = why_unsupported(event)) {
    return fail(to_string(event) + " " + node(), *reason);
  }
  return eject_or_attach(event);
}

}  // namespace dextqual::platform
