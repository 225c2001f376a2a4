// DeviceLifecycle for a real Linux SCSI disk (sd): a clean eject is a flush and then sysfs
// `device/delete`, for which the sd driver sends SYNCHRONIZE CACHE (write cache on) and, with
// manage_start_stop, START STOP UNIT; the return is a scan of the SCSI host it hung off
// (blktests block/001 does the same). A surprise removal or a power cut cannot be made from software
// here: they need the station's replug or power_cycle hook. The device is found again by identity
// through suites/lib/device (VPD 80h serial or the kernel's wwid; a plain loop device by its backing file).
// Not exercised in CI (no SCSI disk there); simdext covers the same tests through its own adapter.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/unique_fd.h"
#include "device/find_again.h"
#include "lifecycle/lifecycle_platform_device.h"

namespace dextqual::platform {
namespace {

namespace fs = std::filesystem;

Status write_sysfs(const fs::path& path, const std::string& value) {
  std::ofstream out(path);
  out << value << std::flush;
  if (!out) {
    return fail("write '" + value + "' to " + path.string());
  }
  return {};
}

class LinuxScsiDeviceLifecycle final : public PlatformDeviceLifecycle {
 public:
  explicit LinuxScsiDeviceLifecycle(std::string node) : name_(fs::path(node).filename().string()) {}

  std::string method() const override { return "linux sysfs (device/delete, host scan)"; }

  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds budget) override {
    device::FindOptions options;
    options.budget = budget;
    DQ_TRY_ASSIGN(const device::BlockDevice found_device, device::find_again(before.identity, options));
    DutDescription found = before;
    found.raw_node = found_device.node;
    found.buffered_node = found_device.node;
    name_ = found_device.name;
    return found;
  }

 private:
  std::string node() const override { return "/dev/" + name_; }

  std::optional<std::string> why_cannot_eject_or_attach(DeviceEvent /*event*/) const override {
    if (!fs::exists(fs::path("/sys/block") / name_ / "device" / "delete") && host_.empty()) {
      return node() + " is not a SCSI disk (no sysfs device/delete)";
    }
    return std::nullopt;
  }

  Status eject_or_attach(DeviceEvent event) override {
    if (event == DeviceEvent::eject) {
      return eject();
    }
    // "- - -": every channel, target and LUN of the host the disk was on.
    return write_sysfs(fs::path("/sys/class/scsi_host") / host_ / "scan", "- - -");
  }

  Status eject() {
    {
      const UniqueFd fd(::open(node().c_str(), O_RDONLY | O_CLOEXEC));
      if (!fd || ::fsync(fd.get()) != 0) {
        return fail_errno("flush " + node() + " before eject");
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
