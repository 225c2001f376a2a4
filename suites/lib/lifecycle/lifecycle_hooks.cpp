// Station hooks: what only the lab can do, given as shell commands in the station file and carried in
// dut.json `hooks` (with `hook_timeouts_s`). `power_cycle` cuts power to the enclosure and restores it
// (a PDU outlet, a USB relay), so after it `attach` only waits; `replug` re-plugs the port (surprise
// removal and return in one). A hook that is absent leaves the native mechanism's answer, usually
// "unsupported" with the name of the hook that would make the test possible. The host reboot hook is
// the runner's, not ours.
//
// A hook runs with its own timeout; what it prints goes to the test's log (the suite's stdout, kept
// per test by the runner); a hook that fails is the station failing, so besides the Error the test
// fails with, the station-error line is printed and the runner records the test as ERROR.
#include <iostream>

#include "lifecycle/lifecycle_device.h"
#include "station/station_error.h"
#include "station/station_hook.h"

namespace dextqual::platform {
namespace {

const char* hook_name_for(DeviceEvent event) {
  return event == DeviceEvent::power_cut ? "power_cycle" : event == DeviceEvent::detach ? "replug" : nullptr;
}

class HookedDeviceLifecycle final : public DeviceLifecycle {
 public:
  HookedDeviceLifecycle(std::unique_ptr<DeviceLifecycle> native, const DutDescription& dut,
                        CommandRunner runner, std::ostream& log)
      : native_(std::move(native)), runner_(std::move(runner)), log_(log) {
    for (const char* name : {"power_cycle", "replug"}) {
      if (auto hook = station::find_hook(dut, name)) hooks_.emplace(name, std::move(*hook));
    }
  }

  std::string method() const override { return native_->method() + " + station hooks"; }

  std::optional<std::string> why_unsupported(DeviceEvent event) const override {
    if (hook_for(event) != nullptr) {
      return std::nullopt;
    }
    // The hook brings the device back itself: attach after it only waits (find_again).
    if (event == DeviceEvent::attach && (restored_by_hook_ || !hooks_.empty())) {
      return std::nullopt;
    }
    if (auto reason = native_->why_unsupported(event)) {
      const char* wanted = hook_name_for(event);
      return wanted == nullptr ? *reason : *reason + "; or give the station hook '" + wanted + "'";
    }
    return std::nullopt;
  }

  Status apply(DeviceEvent event) override {
    if (const station::HookSpec* hook = hook_for(event)) {
      DQ_TRY(run_hook(*hook));
      restored_by_hook_ = true;  // both hooks bring the device back themselves
      return {};
    }
    if (event == DeviceEvent::attach &&
        (restored_by_hook_ || (!hooks_.empty() && native_->why_unsupported(event)))) {
      // After a hook the device comes back by itself; a hook that failed left nothing to undo here.
      restored_by_hook_ = false;
      return {};
    }
    return native_->apply(event);
  }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    return native_->find_again(before, budget);
  }

 private:
  const station::HookSpec* hook_for(DeviceEvent event) const {
    const char* name = hook_name_for(event);
    if (name == nullptr) {
      return nullptr;
    }
    auto it = hooks_.find(name);
    return it == hooks_.end() ? nullptr : &it->second;
  }

  Status run_hook(const station::HookSpec& hook) {
    const CommandLine command{station::hook_argv(hook), hook.timeout};
    log_ << "--- station hook " << hook.name << ": " << describe(command) << "\n" << std::flush;
    auto output = runner_(command);
    std::string what;
    if (!output) {
      what = output.error().message();
    } else {
      log_ << output->out << output->err;
      if (output->exit_code != 0) what = "exit status " + std::to_string(output->exit_code);
    }
    log_ << "\n--- station hook " << hook.name << ": " << (what.empty() ? "exit status 0" : what) << "\n";
    if (what.empty()) {
      log_ << std::flush;
      return {};
    }
    const std::string reason = station::hook_failure(hook.name, what);
    log_ << station::station_error_line(reason) << std::flush;
    return fail(reason, describe(command));
  }

  std::unique_ptr<DeviceLifecycle> native_;
  std::map<std::string, station::HookSpec> hooks_;
  CommandRunner runner_;
  std::ostream& log_;
  bool restored_by_hook_ = false;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> with_station_hooks(std::unique_ptr<DeviceLifecycle> native,
                                                    const DutDescription& dut, CommandRunner runner,
                                                    std::ostream& log) {
  return std::make_unique<HookedDeviceLifecycle>(std::move(native), dut, std::move(runner), log);
}

std::unique_ptr<DeviceLifecycle> with_station_hooks(std::unique_ptr<DeviceLifecycle> native,
                                                    const DutDescription& dut, CommandRunner runner) {
  return with_station_hooks(std::move(native), dut, std::move(runner), std::cout);
}

}  // namespace dextqual::platform
