// The facts the lifecycle adapter needs from `diskutil info -plist` and `diskutil list -plist`, read
// defensively: sizes may be <integer> or <real>, `TotalSize` can be a volume's size rather than the
// disk's (so `Size`, then `IOKitSize`, are preferred), and keys such as `Removable`, `SolidState` and
// `Partitions` come and go between macOS versions (MACOS.md §4, §7).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::platform {

struct DiskutilInfo {
  std::string device_identifier;  // disk5, disk5s2
  std::string device_node;        // /dev/disk5
  std::optional<std::uint64_t> size_bytes;
  std::optional<std::uint32_t> block_size;
  bool whole_disk = false;
  std::string parent_whole_disk;
  std::string bus_protocol;  // "SCSI", "Fibre Channel Interface" (F7)
  std::string media_name;
  std::string mount_point;  // empty when not mounted
  std::string volume_name;
  std::string content;  // GUID_partition_scheme, Apple_HFS, ...
  std::optional<bool> internal;
  std::optional<bool> removable;  // Removable, else RemovableMedia, else RemovableMediaOrExternalDevice
  std::optional<bool> writable;   // WritableMedia, else Writable
  std::optional<bool> solid_state;
};

struct DiskutilPartition {
  std::string device_identifier;
  std::optional<std::uint64_t> size_bytes;
  std::string content;
  std::string mount_point;
  std::string volume_name;
};

struct DiskutilWholeDisk {
  std::string device_identifier;
  std::optional<std::uint64_t> size_bytes;
  std::string content;
  std::vector<DiskutilPartition> partitions;  // Partitions, or APFSVolumes; empty when neither key exists
};

// Parses `diskutil info -plist` output; an Error for an error dict ("Could not find disk") or no plist.
[[nodiscard]] Result<DiskutilInfo> parse_diskutil_info(std::string_view output);

// Parses `diskutil list -plist` output (AllDisksAndPartitions).
[[nodiscard]] Result<std::vector<DiskutilWholeDisk>> parse_diskutil_list(std::string_view output);

}  // namespace dextqual::platform
