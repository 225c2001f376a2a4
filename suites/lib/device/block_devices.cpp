#include "device/block_devices.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "device/identity.h"

namespace dextqual::device {

std::vector<std::string> system_disks_among(const std::vector<BlockDevice>& devices,
                                            const std::vector<Mount>& mounts) {
  static constexpr std::array<std::string_view, 6> kSystemPoints = {"/",    "/boot", "/boot/efi",
                                                                    "/usr", "/var",  "[swap]"};
  std::vector<std::string> disks;
  for (const auto& mount : mounts) {
    if (std::ranges::find(kSystemPoints, mount.mount_point) == kSystemPoints.end()) continue;
    for (const auto& device : devices) {
      if (device.name == mount.device_name && std::ranges::find(disks, device.disk) == disks.end()) {
        disks.push_back(device.disk);
      }
    }
  }
  return disks;
}

std::vector<BlockDevice> disks_with_identity(const std::vector<BlockDevice>& devices,
                                             const DutIdentity& identity) {
  std::vector<BlockDevice> disks;
  for (const auto& device : devices) {
    if (!device.is_partition && same_identity(identity, device.identity)) disks.push_back(device);
  }
  return disks;
}

}  // namespace dextqual::device
