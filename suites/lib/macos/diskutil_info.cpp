#include "macos/diskutil_info.h"

#include <algorithm>
#include <cctype>

#include "macos/property_list.h"

namespace dextqual::macos {
namespace {

std::optional<std::uint64_t> first_size(const nlohmann::json& dict, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto it = dict.find(key); it != dict.end()) {
      if (auto size = plist_size(*it)) {
        return size;
      }
    }
  }
  return std::nullopt;
}

std::optional<bool> first_flag(const nlohmann::json& dict, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto flag = plist_flag(dict, key)) {
      return flag;
    }
  }
  return std::nullopt;
}

Status reject_error_dict(const nlohmann::json& plist, const char* verb) {
  if (!plist.is_object()) {
    return fail(std::string("diskutil ") + verb + " -plist", "the plist is not a dictionary");
  }
  if (plist_flag(plist, "Error") == true) {
    return fail(std::string("diskutil ") + verb + " -plist", plist_text(plist, "ErrorMessage"));
  }
  return {};
}

// The strings under `inner` in each dict of the array `key`: APFSPhysicalStores → APFSPhysicalStore.
std::vector<std::string> strings_in(const nlohmann::json& dict, const char* key, const char* inner) {
  std::vector<std::string> out;
  if (auto it = dict.find(key); it != dict.end() && it->is_array()) {
    for (const nlohmann::json& entry : *it) {
      if (std::string value = plist_text(entry, inner); !value.empty()) out.push_back(std::move(value));
    }
  }
  return out;
}

DiskutilVolume volume_from(const nlohmann::json& dict, bool apfs_volume) {
  DiskutilVolume volume;
  volume.device_identifier = plist_text(dict, "DeviceIdentifier");
  volume.size_bytes = first_size(dict, {"Size", "CapacityInUse"});
  volume.content = plist_text(dict, "Content");
  volume.mount_point = plist_text(dict, "MountPoint");
  volume.volume_name = plist_text(dict, "VolumeName");
  volume.apfs_volume = apfs_volume;
  if (auto it = dict.find("MountedSnapshots"); it != dict.end() && it->is_array()) {
    for (const nlohmann::json& snapshot : *it) {
      volume.mounted_snapshots.push_back({plist_text(snapshot, "SnapshotBSD"),
                                          plist_text(snapshot, "SnapshotMountPoint"),
                                          plist_flag(snapshot, "Sealed")});
    }
  }
  return volume;
}

}  // namespace

Result<DiskutilInfo> parse_diskutil_info(std::string_view output) {
  DQ_TRY_ASSIGN(const nlohmann::json plist, parse_plist(output));
  DQ_TRY(reject_error_dict(plist, "info"));
  DiskutilInfo info;
  info.device_identifier = plist_text(plist, "DeviceIdentifier");
  info.device_node = plist_text(plist, "DeviceNode");
  if (info.device_identifier.empty()) {
    return fail("diskutil info -plist", "no DeviceIdentifier");
  }
  info.size_bytes = first_size(plist, {"Size", "IOKitSize", "TotalSize"});
  if (auto block = first_size(plist, {"DeviceBlockSize"})) {
    info.block_size = static_cast<std::uint32_t>(*block);
  }
  info.whole_disk = plist_flag(plist, "WholeDisk").value_or(false);
  info.parent_whole_disk = plist_text(plist, "ParentWholeDisk");
  info.bus_protocol = plist_text(plist, "BusProtocol");
  info.media_name = plist_text(plist, "MediaName");
  info.mount_point = plist_text(plist, "MountPoint");
  info.volume_name = plist_text(plist, "VolumeName");
  info.content = plist_text(plist, "Content");
  info.internal = plist_flag(plist, "Internal");
  info.removable = first_flag(plist, {"Removable", "RemovableMedia", "RemovableMediaOrExternalDevice"});
  info.writable = first_flag(plist, {"WritableMedia", "Writable"});
  info.solid_state = plist_flag(plist, "SolidState");
  info.virtual_or_physical = plist_text(plist, "VirtualOrPhysical");
  info.apfs_snapshot = plist_flag(plist, "APFSSnapshot").value_or(false);
  info.apfs_container = plist_text(plist, "APFSContainerReference");
  info.apfs_physical_stores = strings_in(plist, "APFSPhysicalStores", "APFSPhysicalStore");
  info.core_storage_pvs = strings_in(plist, "CoreStoragePVs", "CoreStoragePVDisk");
  return info;
}

Result<std::vector<DiskutilWholeDisk>> parse_diskutil_list(std::string_view output) {
  DQ_TRY_ASSIGN(const nlohmann::json plist, parse_plist(output));
  DQ_TRY(reject_error_dict(plist, "list"));
  const auto all = plist.find("AllDisksAndPartitions");
  if (all == plist.end() || !all->is_array()) {
    return fail("diskutil list -plist", "no AllDisksAndPartitions array");
  }
  std::vector<DiskutilWholeDisk> disks;
  for (const nlohmann::json& entry : *all) {
    DiskutilWholeDisk disk;
    disk.device_identifier = plist_text(entry, "DeviceIdentifier");
    disk.size_bytes = first_size(entry, {"Size"});
    disk.content = plist_text(entry, "Content");
    disk.mount_point = plist_text(entry, "MountPoint");
    disk.volume_name = plist_text(entry, "VolumeName");
    disk.apfs_physical_stores = strings_in(entry, "APFSPhysicalStores", "DeviceIdentifier");
    for (const char* key : {"Partitions", "APFSVolumes"}) {
      if (auto it = entry.find(key); it != entry.end() && it->is_array()) {
        for (const nlohmann::json& partition : *it) {
          disk.partitions.push_back(volume_from(partition, std::string_view(key) == "APFSVolumes"));
        }
      }
    }
    disks.push_back(std::move(disk));
  }
  return disks;
}

bool is_snapshot_identifier(const std::string& id) {
  return id.starts_with("disk") && std::count(id.begin() + 4, id.end(), 's') > 1;
}

std::string whole_disk_of(const std::string& device_identifier) {
  // diskN, then any number of sM suffixes (a partition, an APFS volume, its snapshot).
  std::size_t end = 4;
  if (!device_identifier.starts_with("disk")) return device_identifier;
  while (end < device_identifier.size() && std::isdigit(static_cast<unsigned char>(device_identifier[end])))
    ++end;
  return device_identifier.substr(0, end);
}

}  // namespace dextqual::macos
