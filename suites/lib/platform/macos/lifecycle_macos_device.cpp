// DeviceLifecycle for a real disk on macOS: a clean eject is `diskutil eject` (DiskArbitration unmounts,
// the SBC driver synchronizes the cache and stops the unit). Bringing the disk back needs the station's
// replug or power_cycle hook, and finding it again by serial needs the IORegistry (the serial is not in
// `diskutil info`), which this adapter does not read yet: those tests skip with that reason.
// Not compiled on Linux; its command handling is diskutil_error.cpp's, which is tested everywhere.
#include "diskutil_error.h"
#include "lifecycle_device.h"

namespace dextqual::platform {
namespace {

class MacosDeviceLifecycle final : public DeviceLifecycle {
 public:
  MacosDeviceLifecycle(std::string node, CommandRunner runner)
      : node_(std::move(node)), runner_(std::move(runner)) {}

  std::string method() const override { return "macos diskutil"; }

  std::optional<std::string> why_unsupported(DeviceEvent event) const override {
    switch (event) {
      case DeviceEvent::eject:
        return std::nullopt;
      case DeviceEvent::attach:
        return "an ejected disk comes back only when re-plugged or power-cycled";
      case DeviceEvent::detach:
        return "a surprise removal cannot be made from software";
      case DeviceEvent::power_cut:
        return "cutting the device's power needs the lab";
      case DeviceEvent::restart:
        return "a host reboot is the runner's job (station hook 'reboot')";
    }
    return "unknown event";
  }

  Status apply(DeviceEvent event) override {
    if (auto reason = why_unsupported(event)) {
      return fail(to_string(event) + " " + node_, *reason);
    }
    const CommandLine command{{"diskutil", "eject", node_}};
    DQ_TRY_ASSIGN(const CommandOutput output, runner_(command));
    if (auto error = diskutil_error(output)) {
      return fail(describe(command), error->describe());
    }
    return {};
  }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds) override {
    return fail("find the DUT again (serial '" + before.identity.serial + "')",
                "finding a disk by serial on macOS needs the IORegistry; not implemented yet");
  }

 private:
  std::string node_;
  CommandRunner runner_;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> make_platform_device_lifecycle(const DutDescription& dut,
                                                                CommandRunner runner) {
  return std::make_unique<MacosDeviceLifecycle>(dut.buffered_node, std::move(runner));
}

}  // namespace dextqual::platform
