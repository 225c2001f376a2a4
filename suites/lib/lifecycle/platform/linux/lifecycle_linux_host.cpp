// Linux: /proc for the boot id and descriptors; disks and mounts through suites/lib/device.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "device/block_devices.h"
#include "lifecycle/lifecycle_host.h"

namespace dextqual::platform {

namespace fs = std::filesystem;

std::string boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

std::map<int, std::string> open_descriptors() {
  std::map<int, std::string> descriptors;
  std::error_code error;
  for (auto it = fs::directory_iterator("/proc/self/fd", error); it != fs::directory_iterator(); ++it) {
    std::error_code link_error;
    const std::string target = fs::read_symlink(it->path(), link_error).string();
    if (target.ends_with("/fd")) continue;  // the listing's own directory, /proc/<pid>/fd
    descriptors[std::stoi(it->path().filename().string())] = target;
  }
  return descriptors;
}

std::vector<std::string> mounts_of(const std::string& node) {
  const std::string name = fs::path(node).filename().string();
  auto devices = device::list_block_devices();
  auto mounts = device::list_mounts();
  std::vector<std::string> mount_points;
  if (!devices || !mounts) return mount_points;
  for (const auto& mount : *mounts) {
    const auto source = std::ranges::find(*devices, mount.device_name, &device::BlockDevice::name);
    if (source != devices->end() && source->disk == name && mount.mount_point != "[swap]") {
      mount_points.push_back(mount.mount_point);
    }
  }
  return mount_points;
}

std::vector<std::string> loop_devices_backed_under(const std::string& directory) {
  std::vector<std::string> loops;
  auto devices = device::list_block_devices();
  if (directory.empty() || !devices) return loops;
  for (const auto& loop : *devices) {
    if (!loop.backing_file.empty() && loop.backing_file.starts_with(directory)) loops.push_back(loop.name);
  }
  return loops;
}

}  // namespace dextqual::platform
