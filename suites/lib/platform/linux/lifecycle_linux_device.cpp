// DeviceLifecycle for a real Linux SCSI disk (sd): a clean eject is a flush and then sysfs
// `device/delete`, for which the sd driver sends SYNCHRONIZE CACHE (write cache on) and, with
// manage_start_stop, START STOP UNIT; the return is a scan of the SCSI host it hung off
// (blktests block/001 does the same). A surprise removal or a power cut cannot be made from software
// here: they need the station's replug or power_cycle hook. The device is found again by VPD page 80h
// serial (or the kernel's wwid) among /sys/block; a plain loop device by its backing file.
// Not exercised in CI (no SCSI disk there); simdext covers the same tests through its own adapter.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "contract/run_contract.h"
#include "core/unique_fd.h"
#include "lifecycle_device.h"

namespace dextqual::platform {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// VPD page 80h as sysfs exposes it: a 4-byte header, then the serial (space-padded ASCII).
std::string serial_from_vpd80(const std::string& page) {
  return page.size() > 4 ? trim(page.substr(4)) : std::string();
}

Status write_sysfs(const fs::path& path, const std::string& value) {
  std::ofstream out(path);
  out << value << std::flush;
  if (!out) {
    return fail("write '" + value + "' to " + path.string());
  }
  return {};
}

class LinuxScsiDeviceLifecycle final : public DeviceLifecycle {
 public:
  explicit LinuxScsiDeviceLifecycle(std::string node) : name_(fs::path(node).filename().string()) {}

  std::string method() const override { return "linux sysfs (device/delete, host scan)"; }

  std::optional<std::string> why_unsupported(DeviceEvent event) const override {
    switch (event) {
      case DeviceEvent::eject:
      case DeviceEvent::attach:
        if (!fs::exists(fs::path("/sys/block") / name_ / "device" / "delete") && host_.empty()) {
          return "/dev/" + name_ + " is not a SCSI disk (no sysfs device/delete)";
        }
        return std::nullopt;
      case DeviceEvent::detach:
        return "a surprise removal cannot be made from software on a real disk";
      case DeviceEvent::power_cut:
        return "cutting the device's power needs the lab";
      case DeviceEvent::restart:
        return "a host reboot is the runner's job (station hook 'reboot')";
    }
    return "unknown event";
  }

  Status apply(DeviceEvent event) override {
    if (auto reason = why_unsupported(event)) {
      return fail(to_string(event) + " /dev/" + name_, *reason);
    }
    if (event == DeviceEvent::eject) {
      return eject();
    }
    // "- - -": every channel, target and LUN of the host the disk was on.
    return write_sysfs(fs::path("/sys/class/scsi_host") / host_ / "scan", "- - -");
  }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    const auto deadline = std::chrono::steady_clock::now() + budget;
    while (true) {
      std::error_code error;
      for (const auto& entry : fs::directory_iterator("/sys/block", error)) {
        const fs::path device = entry.path() / "device";
        DutIdentity seen;
        seen.serial = serial_from_vpd80(read_file(device / "vpd_pg80"));
        seen.wwn = trim(read_file(device / "wwid"));
        if (const auto backing = trim(read_file(entry.path() / "loop" / "backing_file")); !backing.empty()) {
          seen.serial = contract::loop_device_serial(backing);  // a plain loop device (tests, labs)
        }
        if (!same_identity(before.identity, seen)) {
          continue;
        }
        const std::string node = "/dev/" + entry.path().filename().string();
        const UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) {
          continue;
        }
        DutDescription found = before;
        found.raw_node = node;
        found.buffered_node = node;
        name_ = entry.path().filename().string();
        return found;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        return fail(
            "find the DUT again (serial '" + before.identity.serial + "')",
            "no disk in /sys/block with that identity within " + std::to_string(budget.count()) + " ms");
      }
      std::this_thread::sleep_for(100ms);
    }
  }

 private:
  Status eject() {
    const std::string node = "/dev/" + name_;
    {
      const UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
      if (!fd || ::fsync(fd.get()) != 0) {
        return fail_errno("flush " + node + " before eject");
      }
    }
    // .../hostN/targetN:C:T/N:C:T:L: remember the host to rescan on attach.
    const fs::path device = fs::canonical(fs::path("/sys/block") / name_ / "device");
    for (const auto& part : device) {
      if (part.string().starts_with("host")) {
        host_ = part.string();
      }
    }
    return write_sysfs(device / "delete", "1");
  }

  std::string name_;
  std::string host_;
};

}  // namespace

std::unique_ptr<DeviceLifecycle> make_platform_device_lifecycle(const DutDescription& dut,
                                                                CommandRunner /*runner*/) {
  return std::make_unique<LinuxScsiDeviceLifecycle>(dut.raw_node);
}

}  // namespace dextqual::platform
