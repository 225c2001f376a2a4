#include "diskutil_info.h"

#include "diskutil_plist.h"

namespace dextqual::platform {
namespace {

std::string text(const nlohmann::json& dict, const char* key) {
  const auto it = dict.find(key);
  return it != dict.end() && it->is_string() ? it->get<std::string>() : std::string();
}

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
    return fail(std::string("diskutil ") + verb + " -plist", text(plist, "ErrorMessage"));
  }
  return {};
}

DiskutilPartition partition_from(const nlohmann::json& dict) {
  DiskutilPartition partition;
  partition.device_identifier = text(dict, "DeviceIdentifier");
  partition.size_bytes = first_size(dict, {"Size", "CapacityInUse"});
  partition.content = text(dict, "Content");
  partition.mount_point = text(dict, "MountPoint");
  partition.volume_name = text(dict, "VolumeName");
  return partition;
}

}  // namespace

Result<DiskutilInfo> parse_diskutil_info(std::string_view output) {
  DQ_TRY_ASSIGN(const nlohmann::json plist, parse_plist(output));
  DQ_TRY(reject_error_dict(plist, "info"));
  DiskutilInfo info;
  info.device_identifier = text(plist, "DeviceIdentifier");
  info.device_node = text(plist, "DeviceNode");
  if (info.device_identifier.empty()) {
    return fail("diskutil info -plist", "no DeviceIdentifier");
  }
  info.size_bytes = first_size(plist, {"Size", "IOKitSize", "TotalSize"});
  if (auto block = first_size(plist, {"DeviceBlockSize"})) {
    info.block_size = static_cast<std::uint32_t>(*block);
  }
  info.whole_disk = plist_flag(plist, "WholeDisk").value_or(false);
  info.parent_whole_disk = text(plist, "ParentWholeDisk");
  info.bus_protocol = text(plist, "BusProtocol");
  info.media_name = text(plist, "MediaName");
  info.mount_point = text(plist, "MountPoint");
  info.volume_name = text(plist, "VolumeName");
  info.content = text(plist, "Content");
  info.internal = plist_flag(plist, "Internal");
  info.removable = first_flag(plist, {"Removable", "RemovableMedia", "RemovableMediaOrExternalDevice"});
  info.writable = first_flag(plist, {"WritableMedia", "Writable"});
  info.solid_state = plist_flag(plist, "SolidState");
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
    disk.device_identifier = text(entry, "DeviceIdentifier");
    disk.size_bytes = first_size(entry, {"Size"});
    disk.content = text(entry, "Content");
    for (const char* key : {"Partitions", "APFSVolumes"}) {
      if (auto it = entry.find(key); it != entry.end() && it->is_array()) {
        for (const nlohmann::json& partition : *it) {
          disk.partitions.push_back(partition_from(partition));
        }
      }
    }
    disks.push_back(std::move(disk));
  }
  return disks;
}

}  // namespace dextqual::platform
