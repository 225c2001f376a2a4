// Station hooks: what only the lab can do, given as shell commands in the station file and carried in
// dut.json `hooks`. `power_cycle` cuts power to the enclosure and restores it (a PDU outlet, a USB
// relay), so after it `attach` only waits; `replug` re-plugs the port (surprise removal and return in
// one). A hook that is absent leaves the native mechanism's answer, usually "unsupported" with the
// name of the hook that would make the test possible. The host reboot hook is the runner's, not ours.
#include "lifecycle_device.h"

namespace dextqual::platform {
namespace {

class HookedDeviceLifecycle final : public DeviceLifecycle {
 public:
  HookedDeviceLifecycle(std::unique_ptr<DeviceLifecycle> native, std::map<std::string, std::string> hooks,
                        CommandRunner runner)
      : native_(std::move(native)), hooks_(std::move(hooks)), runner_(std::move(runner)) {}

  std::string method() const override { return native_->method() + " + station hooks"; }

  std::optional<std::string> why_unsupported(DeviceEvent event) const override {
    if (hook_for(event) != nullptr) {
      return std::nullopt;
    }
    if (event == DeviceEvent::attach && restored_by_hook_) {
      return std::nullopt;
    }
    if (auto reason = native_->why_unsupported(event)) {
      const char* wanted = event == DeviceEvent::power_cut ? "power_cycle"
                           : event == DeviceEvent::detach  ? "replug"
                                                           : nullptr;
      return wanted == nullptr ? *reason : *reason + "; or give the station hook '" + wanted + "'";
    }
    return std::nullopt;
  }

  Status apply(DeviceEvent event) override {
    if (const std::string* hook = hook_for(event)) {
      DQ_TRY(run_checked(runner_, {{"/bin/sh", "-c", *hook}, std::chrono::minutes(5)}));
      restored_by_hook_ = true;  // both hooks bring the device back themselves
      return {};
    }
    if (event == DeviceEvent::attach && restored_by_hook_) {
      restored_by_hook_ = false;
      return {};
    }
    return native_->apply(event);
  }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    return native_->find_again(before, budget);
  }

 private:
  const std::string* hook_for(DeviceEvent event) const {
    const char* name = event == DeviceEvent::power_cut ? "power_cycle"
                       : event == DeviceEvent::detach  ? "replug"
                                                       : nullptr;
    if (name == nullptr) {
      return nullptr;
    }
    auto it = hooks_.find(name);
    return it == hooks_.end() || it->second.empty() ? nullptr : &it->second;
  }

  std::unique_ptr<DeviceLifecycle> native_;
  std::map<std::string, std::string> hooks_;
  CommandRunner runner_;
  bool restored_by_hook_ = false;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> with_station_hooks(std::unique_ptr<DeviceLifecycle> native,
                                                    const DutDescription& dut, CommandRunner runner) {
  return std::make_unique<HookedDeviceLifecycle>(std::move(native), dut.hooks, std::move(runner));
}

}  // namespace dextqual::platform
