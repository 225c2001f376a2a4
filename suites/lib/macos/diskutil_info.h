// The facts dextqual needs from `diskutil info -plist` and `diskutil list -plist`, read defensively:
// sizes may be <integer> or <real>, `TotalSize` can be a volume's size rather than the disk's (so
// `Size`, then `IOKitSize`, are preferred), and keys such as `Removable`, `SolidState`, `OSInternal` and
// `Partitions` come and go between macOS versions (MACOS.md §4, §7). Tested on captures from real Macs
// (fixtures/macos/diskutil/, PROVENANCE.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::macos {

struct DiskutilInfo {
  std::string device_identifier;  // disk5, disk5s2, disk3s1s1
  std::string device_node;        // /dev/disk5
  std::optional<std::uint64_t> size_bytes;
  std::optional<std::uint32_t> block_size;
  bool whole_disk = false;
  std::string parent_whole_disk;
  std::string bus_protocol;  // "SCSI", "USB", "PCI-Express" (F7)
  std::string media_name;
  std::string mount_point;  // empty when not mounted
  std::string volume_name;
  std::string content;  // GUID_partition_scheme, Apple_HFS, ...
  std::string
      virtual_or_physical;  // "Physical", "Virtual" (APFS containers, CoreStorage); absent on old releases
  std::optional<bool> internal;
  std::optional<bool> removable;  // Removable, else RemovableMedia, else RemovableMediaOrExternalDevice
  std::optional<bool> writable;   // WritableMedia, else Writable
  std::optional<bool> solid_state;
  bool apfs_snapshot = false;  // APFSSnapshot: the sealed system snapshot mounted at / (Big Sur+)
  std::string apfs_container;  // APFSContainerReference: the synthesized disk holding this volume
  std::vector<std::string> apfs_physical_stores;  // APFSPhysicalStores: the partitions under the container
  std::vector<std::string> core_storage_pvs;      // CoreStoragePVs: the same for a CoreStorage volume
};

struct DiskutilVolume {
  std::string device_identifier;  // disk0s2, or disk1s5 (an APFS volume), or disk1s5s1 (a snapshot)
  std::optional<std::uint64_t> size_bytes;
  std::string content;
  std::string mount_point;
  std::string volume_name;
  bool apfs_volume = false;  // from APFSVolumes (lives in a synthesized container), not Partitions
  struct Snapshot {
    std::string device_identifier;  // SnapshotBSD
    std::string mount_point;        // SnapshotMountPoint
    std::optional<bool> sealed;     // the string "Yes" in real outputs
  };
  std::vector<Snapshot> mounted_snapshots;  // MountedSnapshots
};
using DiskutilPartition = DiskutilVolume;

struct DiskutilWholeDisk {
  std::string device_identifier;
  std::optional<std::uint64_t> size_bytes;
  std::string content;
  std::string mount_point;  // a whole disk that is itself a volume (no partition map)
  std::string volume_name;
  std::vector<DiskutilVolume> partitions;  // Partitions, then APFSVolumes; empty when neither key exists
  std::vector<std::string> apfs_physical_stores;  // set: this is a synthesized APFS container
};

// Parses `diskutil info -plist` output; an Error for an error dict ("Could not find disk") or no plist.
[[nodiscard]] Result<DiskutilInfo> parse_diskutil_info(std::string_view output);

// Parses `diskutil list -plist` output (AllDisksAndPartitions).
[[nodiscard]] Result<std::vector<DiskutilWholeDisk>> parse_diskutil_list(std::string_view output);

// disk1s5s1: a snapshot of the APFS volume disk1s5 (two slice suffixes after "disk").
[[nodiscard]] bool is_snapshot_identifier(const std::string& device_identifier);

// "disk0" for "disk0s2", "disk1s5s1" → "disk1"; the name itself for a whole disk's name.
[[nodiscard]] std::string whole_disk_of(const std::string& device_identifier);

}  // namespace dextqual::macos
