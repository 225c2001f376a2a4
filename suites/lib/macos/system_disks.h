// Which whole disks hold the running system on a Mac. On APFS (10.13+) "/" is a volume — from Big Sur
// on, a sealed snapshot of the System volume (disk3s1s1) — in a synthesized container disk whose data
// lives on the container's physical stores (disk0s2): all of those are the system, and so is every
// disk behind the volumes macOS mounts under /System/Volumes/ (Data, Preboot, VM, Update) or the older
// /private/var/vm. On CoreStorage (10.7–10.12) the root volume's physical volumes; on plain HFS+ the
// root partition's disk. Sources: `diskutil info -plist /` (APFSPhysicalStores, CoreStoragePVs,
// ParentWholeDisk), `diskutil apfs list -plist` (each container's PhysicalStores), and `diskutil list
// -plist` (mounts, containers' APFSPhysicalStores).
#pragma once

#include <string>
#include <vector>

#include "macos/diskutil_apfs.h"
#include "macos/diskutil_info.h"

namespace dextqual::macos {

// Sorted whole-disk names: the physical disks and the synthesized containers that hold the system.
[[nodiscard]] std::vector<std::string> system_disks_from(const std::vector<DiskutilWholeDisk>& listing,
                                                         const DiskutilInfo& root,
                                                         const std::vector<ApfsContainer>& containers);

// The partitions an APFS container disk sits on, from the listing and from `diskutil apfs list` (High
// Sierra's listing does not name them); empty when `disk` is no container.
[[nodiscard]] std::vector<std::string> container_stores(const std::vector<DiskutilWholeDisk>& listing,
                                                        const std::vector<ApfsContainer>& containers,
                                                        const std::string& disk);

// True for the mount points macOS itself owns: "/", "/System/Volumes/...", "/private/var/vm".
[[nodiscard]] bool is_system_mount_point(const std::string& mount_point);

}  // namespace dextqual::macos
