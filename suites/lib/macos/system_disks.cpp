#include "macos/system_disks.h"

#include <algorithm>
#include <set>

namespace dextqual::macos {
std::vector<std::string> container_stores(const std::vector<DiskutilWholeDisk>& listing,
                                          const std::vector<ApfsContainer>& containers,
                                          const std::string& container) {
  std::vector<std::string> stores;
  for (const DiskutilWholeDisk& whole : listing) {
    if (whole.device_identifier == container) stores = whole.apfs_physical_stores;
  }
  for (const ApfsContainer& apfs : containers) {
    if (apfs.reference != container) continue;
    for (const std::string& store : apfs.stores()) {
      if (std::find(stores.begin(), stores.end(), store) == stores.end()) stores.push_back(store);
    }
  }
  return stores;
}

bool is_system_mount_point(const std::string& mount_point) {
  return mount_point == "/" || mount_point.starts_with("/System/Volumes/") ||
         mount_point == "/private/var/vm";
}

std::vector<std::string> system_disks_from(const std::vector<DiskutilWholeDisk>& listing,
                                           const DiskutilInfo& root,
                                           const std::vector<ApfsContainer>& containers) {
  std::set<std::string> devices = {root.device_identifier, root.parent_whole_disk, root.apfs_container};
  devices.insert(root.apfs_physical_stores.begin(), root.apfs_physical_stores.end());
  devices.insert(root.core_storage_pvs.begin(), root.core_storage_pvs.end());
  for (const DiskutilWholeDisk& whole : listing) {
    if (is_system_mount_point(whole.mount_point)) devices.insert(whole.device_identifier);
    for (const DiskutilVolume& volume : whole.partitions) {
      if (is_system_mount_point(volume.mount_point)) devices.insert(volume.device_identifier);
      for (const auto& snapshot : volume.mounted_snapshots) {
        if (is_system_mount_point(snapshot.mount_point)) devices.insert(snapshot.device_identifier);
      }
    }
  }
  devices.erase("");
  std::set<std::string> disks;
  std::vector<std::string> pending(devices.begin(), devices.end());
  while (!pending.empty()) {
    const std::string disk = whole_disk_of(pending.back());
    pending.pop_back();
    if (!disks.insert(disk).second) continue;
    for (const std::string& store : container_stores(listing, containers, disk)) pending.push_back(store);
  }
  return {disks.begin(), disks.end()};
}

}  // namespace dextqual::macos
