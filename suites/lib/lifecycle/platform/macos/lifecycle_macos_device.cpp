// DeviceLifecycle for a real disk on macOS: a clean eject is `diskutil eject` (DiskArbitration unmounts,
// the SBC driver synchronizes the cache and stops the unit). Bringing the disk back needs the station's
// replug or power_cycle hook; the disk is then found again by serial/WWN in the IORegistry
// (macos/find_by_identity.h). Not compiled on Linux; its command handling and the re-find are
// suites/lib/macos/'s, which are tested everywhere.
#include <algorithm>

#include "lifecycle/lifecycle_platform_device.h"
#include "macos/diskutil_error.h"
#include "macos/find_by_identity.h"

namespace dextqual::platform {
namespace {

class MacosDeviceLifecycle final : public PlatformDeviceLifecycle {
 public:
  MacosDeviceLifecycle(std::string node, CommandRunner runner)
      : node_(std::move(node)), runner_(std::move(runner)) {}

  std::string method() const override { return "macos diskutil"; }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    // macOS renumbers disks in attach order: look the DUT up by serial/WWN (suites/lib/macos/, tested
    // on Linux with recorded outputs), every 2 s within the budget (device/find_again.h).
    device::FindOptions options;
    options.budget = budget;
    options.poll = std::chrono::seconds(2);
    DQ_TRY_ASSIGN(const device::BlockDevice disk, macos::find_again(runner_, before.identity, options));
    DutDescription found = before;
    found.buffered_node = disk.node;
    found.raw_node = "/dev/r" + disk.name;
    node_ = disk.node;
    return found;
  }

 private:
  std::string node() const override { return node_; }

  std::optional<std::string> why_cannot_eject_or_attach(DeviceEvent event) const override {
    if (event == DeviceEvent::attach) {
      return "an ejected disk comes back only when re-plugged or power-cycled";
    }
    return std::nullopt;
  }

  // Only eject gets here: attach is refused above.
  Status eject_or_attach(DeviceEvent /*event*/) override {
    const CommandLine command{{"diskutil", "eject", node_}};
    DQ_TRY_ASSIGN(const CommandOutput output, runner_(command));
    if (auto error = macos::diskutil_error(output)) {
      return fail(describe(command), error->describe());
    }
    return {};
  }

  std::string node_;
  CommandRunner runner_;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> make_platform_device_lifecycle(const DutDescription& dut,
                                                                CommandRunner runner) {
  return std::make_unique<MacosDeviceLifecycle>(dut.buffered_node, std::move(runner));
}

}  // namespace dextqual::platform
