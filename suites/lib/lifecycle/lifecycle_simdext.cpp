// DeviceLifecycle for simdext: every event is `simdext ctl --state DIR <event>`, and the device is found
// again through the description simdext rewrites into its state directory after every attach or restart
// (`simdext.json`), matched by identity. The simdext binary is $SIMDEXT (CTest sets it), else the
// executable of the running simdext (its pid is in simdext.json; the runner starts it by path), else
// the one in PATH. It is resolved once, up front: after a power cut there is no process to ask.
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/unique_fd.h"
#include "device/identity.h"
#include "dut/simdext_dut.h"
#include "lifecycle/lifecycle_device.h"

namespace dextqual::platform {
namespace {

using namespace std::chrono_literals;

std::string simdext_binary(const std::string& state_dir) {
  if (const char* path = std::getenv("SIMDEXT"); path != nullptr && *path != '\0') {
    return path;
  }
  if (auto running = dut_from_simdext(state_dir)) {
    const int pid = running->extra["simdext"].value("pid", 0);
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error);
    if (pid > 0 && !error) {
      return exe.string();
    }
  }
  return "simdext";
}

// The node answers an open: the kernel has a device behind it, not a stale name.
bool node_usable(const std::string& node) {
  if (node.empty() || !std::filesystem::is_block_file(node)) {
    return false;
  }
  const UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
  return fd.valid();
}

class SimdextDeviceLifecycle final : public DeviceLifecycle {
 public:
  SimdextDeviceLifecycle(std::string state_dir, CommandRunner runner)
      : state_dir_(std::move(state_dir)), binary_(simdext_binary(state_dir_)), runner_(std::move(runner)) {}

  std::string method() const override { return "simdext ctl (" + binary_ + ")"; }

  std::optional<std::string> why_unsupported(DeviceEvent /*event*/) const override { return std::nullopt; }

  Status apply(DeviceEvent event) override {
    // A power cut ends the simdext process (its media stay); power comes back as a fresh process.
    const DeviceEvent sent = event == DeviceEvent::attach && powered_off_ ? DeviceEvent::restart : event;
    DQ_TRY(run_checked(
        runner_, {{binary_, "ctl", "--state", state_dir_, to_string(sent)}, std::chrono::seconds(120)}));
    powered_off_ = event == DeviceEvent::power_cut;
    return {};
  }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    const auto deadline = std::chrono::steady_clock::now() + budget;
    std::string last_seen = "nothing";
    while (true) {
      if (auto now = dut_from_simdext(state_dir_); !now) {
        last_seen = now.error().message();
      } else if (!device::same_identity(before.identity, now->identity)) {
        last_seen = "a device with serial '" + now->identity.serial + "' at " + now->raw_node;
      } else if (!node_usable(now->raw_node)) {
        last_seen = "no usable block device at " + now->raw_node;
      } else {
        DutDescription found = before;
        found.raw_node = now->raw_node;
        found.buffered_node = now->buffered_node;
        found.passthrough = now->passthrough;
        found.identity = now->identity;
        found.capacity_blocks = now->capacity_blocks;
        found.logical_block_size = now->logical_block_size;
        found.extra["simdext"] = now->extra["simdext"];
        return found;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        return fail("find the DUT again (serial '" + before.identity.serial + "')",
                    "not back within " + std::to_string(budget.count()) + " ms; last saw " + last_seen);
      }
      std::this_thread::sleep_for(20ms);
    }
  }

 private:
  std::string state_dir_;
  std::string binary_;
  CommandRunner runner_;
  bool powered_off_ = false;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> make_simdext_device_lifecycle(const DutDescription& dut,
                                                               CommandRunner runner) {
  return std::make_unique<SimdextDeviceLifecycle>(dut.simdext_state, std::move(runner));
}

}  // namespace dextqual::platform
