// The host's disks and mounts as macOS shows them, as the device module's records
// (device/block_devices.h: BlockDevice, Mount, system-disk names), from `diskutil list -plist` and the
// IORegistry. What counts as what:
//   - a whole disk with a partition map or a volume of its own: a disk (is_partition false);
//   - a partition (disk0s2): a partition of its whole disk;
//   - a synthesized disk (an APFS container, disk1) and the volumes and snapshots in it (disk1s5,
//     disk1s5s1): partitions of the physical disk under the container's first physical store, so a
//     mounted APFS volume makes the physical disk "in use" and a synthesized disk is never a DUT.
// Identity (serial, WWN, vendor, product) comes from the IORegistry; a disk it does not show keeps an
// empty identity and says so in identity_source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "device/block_devices.h"
#include "lifecycle/lifecycle_command.h"
#include "macos/diskutil_apfs.h"
#include "macos/diskutil_info.h"
#include "macos/ioreg_archive.h"

namespace dextqual::macos {

enum class DiskKind { physical, partition, synthesized, apfs_volume, apfs_snapshot };

// A device record and what kind of disk macOS says it is (the kind decides nothing the record's
// is_partition/disk do not; it is kept for reports and tests).
struct HostDisk : device::BlockDevice {
  DiskKind kind = DiskKind::physical;
};

using HostMount = device::Mount;

struct MacHost {
  std::vector<HostDisk> disks;
  std::vector<HostMount> mounts;
  std::vector<std::string> system_disks;  // whole-disk names: physical stores and synthesized containers
};

// Pure: the records for a listing, the APFS containers (`diskutil apfs list`; High Sierra's listing
// does not name a container's stores) and an IORegistry archive (empty when ioreg showed nothing).
[[nodiscard]] std::vector<HostDisk> host_disks(const std::vector<DiskutilWholeDisk>& listing,
                                               const std::vector<ApfsContainer>& containers,
                                               const IoregArchive& registry);
[[nodiscard]] std::vector<HostMount> host_mounts(const std::vector<DiskutilWholeDisk>& listing);

// The physical whole disk behind `device` ("disk1s5s1" → "disk0" when disk1 is a container on disk0s2).
[[nodiscard]] std::string physical_disk_of(const std::vector<DiskutilWholeDisk>& listing,
                                           const std::vector<ApfsContainer>& containers,
                                           const std::string& device);

// The commands the discovery runs, for reproducer lines and replays.
inline const platform::CommandLine kListCommand{{"diskutil", "list", "-plist"}};
inline const platform::CommandLine kRootInfoCommand{{"diskutil", "info", "-plist", "/"}};
inline const platform::CommandLine kApfsListCommand{{"diskutil", "apfs", "list", "-plist"}};
inline const platform::CommandLine kIoregMediaCommand{{"ioreg", "-a", "-l", "-t", "-r", "-c", "IOMedia"}};

// The disks only (`diskutil list -plist`, `diskutil apfs list -plist`, the IORegistry): enough to find
// a disk by identity.
[[nodiscard]] Result<std::vector<HostDisk>> list_host_disks(const platform::CommandRunner& runner);

// The loop: runs the four commands and builds the host. Any command that fails (or a plist that does
// not parse) is an Error naming it: the safety gate refuses rather than guess.
[[nodiscard]] Result<MacHost> discover_host(const platform::CommandRunner& runner);

}  // namespace dextqual::macos
