#include "macos/host_disks.h"

#include <algorithm>

#include "macos/diskutil_apfs.h"
#include "macos/diskutil_error.h"
#include "macos/ioreg_identity.h"
#include "macos/system_disks.h"

namespace dextqual::macos {
namespace {

// The partition-type GUID diskutil shows as a container disk's Content.
constexpr const char* kApfsContainerContent = "EF57347C-0000-11AA-AA11-00306543ECAC";

HostDisk record(const std::string& name, const std::string& disk, DiskKind kind, std::uint64_t size) {
  HostDisk out;
  out.name = name;
  out.node = "/dev/" + name;
  out.disk = disk;
  out.kind = kind;
  out.is_partition = kind != DiskKind::physical;
  out.size_bytes = size;
  out.identity_source = "none (not a physical disk)";
  return out;
}

Result<platform::CommandOutput> run(const platform::CommandRunner& runner,
                                    const platform::CommandLine& command) {
  DQ_TRY_ASSIGN(platform::CommandOutput output, runner(command));
  if (auto error = diskutil_error(output)) return fail(platform::describe(command), error->describe());
  return output;
}

}  // namespace

std::string physical_disk_of(const std::vector<DiskutilWholeDisk>& listing,
                             const std::vector<ApfsContainer>& containers, const std::string& device) {
  std::string disk = whole_disk_of(device);
  // A container may sit on a partition of another container's disk only in theory; bound the walk.
  for (int hops = 0; hops < 4; ++hops) {
    const auto stores = container_stores(listing, containers, disk);
    if (stores.empty()) return disk;
    disk = whole_disk_of(stores.front());
  }
  return disk;
}

std::vector<HostDisk> host_disks(const std::vector<DiskutilWholeDisk>& listing,
                                 const std::vector<ApfsContainer>& containers, const IoregArchive& registry) {
  std::vector<HostDisk> disks;
  for (const DiskutilWholeDisk& whole : listing) {
    const bool synthesized = !container_stores(listing, containers, whole.device_identifier).empty() ||
                             whole.content == kApfsContainerContent;
    const std::string physical = physical_disk_of(listing, containers, whole.device_identifier);
    HostDisk disk =
        record(whole.device_identifier, physical, synthesized ? DiskKind::synthesized : DiskKind::physical,
               whole.size_bytes.value_or(0));
    if (!synthesized) {
      if (const auto path = registry.path_to_media(whole.device_identifier)) {
        const RegistryDisk found = registry_disk(*path);
        disk.identity = found.identity;
        disk.identity_source = "IORegistry";
        if (found.block_size) disk.logical_block_size = *found.block_size;
        if (disk.size_bytes == 0 && found.size_bytes) disk.size_bytes = *found.size_bytes;
        disk.read_only = found.read_only;
      } else {
        disk.identity_source = registry.empty() ? "none (ioreg showed no IOMedia)"
                                                : "none (no IOMedia with this BSD name in the IORegistry)";
      }
    }
    disks.push_back(std::move(disk));
    for (const DiskutilVolume& volume : whole.partitions) {
      const bool snapshot = is_snapshot_identifier(volume.device_identifier);
      const DiskKind kind = !volume.apfs_volume ? DiskKind::partition
                            : snapshot          ? DiskKind::apfs_snapshot
                                                : DiskKind::apfs_volume;
      disks.push_back(record(volume.device_identifier, physical, kind, volume.size_bytes.value_or(0)));
    }
  }
  return disks;
}

std::vector<HostMount> host_mounts(const std::vector<DiskutilWholeDisk>& listing) {
  std::vector<HostMount> mounts;
  const auto add = [&](const std::string& device, const std::string& mount_point) {
    if (device.empty() || mount_point.empty()) return;
    const bool seen = std::any_of(mounts.begin(), mounts.end(), [&](const HostMount& mount) {
      return mount.device_name == device && mount.mount_point == mount_point;
    });
    if (!seen) mounts.push_back({device, mount_point});
  };
  for (const DiskutilWholeDisk& whole : listing) {
    add(whole.device_identifier, whole.mount_point);
    for (const DiskutilVolume& volume : whole.partitions) {
      add(volume.device_identifier, volume.mount_point);
      for (const auto& snapshot : volume.mounted_snapshots)
        add(snapshot.device_identifier, snapshot.mount_point);
      // A Fusion container spans two physical disks: a mounted volume in it keeps both in use.
      const bool mounted = !volume.mount_point.empty() || !volume.mounted_snapshots.empty();
      for (std::size_t store = 1; mounted && store < whole.apfs_physical_stores.size(); ++store) {
        add(whole.apfs_physical_stores[store],
            volume.mount_point.empty() ? volume.mounted_snapshots.front().mount_point : volume.mount_point);
      }
    }
  }
  return mounts;
}

namespace {

Result<IoregArchive> read_registry(const platform::CommandRunner& runner) {
  DQ_TRY_ASSIGN(const auto output, runner(kIoregMediaCommand));
  if (output.exit_code != 0) {
    return fail(platform::describe(kIoregMediaCommand),
                "exited with code " + std::to_string(output.exit_code));
  }
  return IoregArchive::parse(output.out);
}

}  // namespace

Result<std::vector<HostDisk>> list_host_disks(const platform::CommandRunner& runner) {
  DQ_TRY_ASSIGN(const auto list_output, run(runner, kListCommand));
  DQ_TRY_ASSIGN(const auto listing, parse_diskutil_list(list_output.out));
  DQ_TRY_ASSIGN(const auto apfs_output, run(runner, kApfsListCommand));
  DQ_TRY_ASSIGN(const auto containers, parse_apfs_list(apfs_output.out));
  DQ_TRY_ASSIGN(const auto registry, read_registry(runner));
  return host_disks(listing, containers, registry);
}

Result<MacHost> discover_host(const platform::CommandRunner& runner) {
  DQ_TRY_ASSIGN(const auto list_output, run(runner, kListCommand));
  DQ_TRY_ASSIGN(const auto listing, parse_diskutil_list(list_output.out));
  DQ_TRY_ASSIGN(const auto root_output, run(runner, kRootInfoCommand));
  DQ_TRY_ASSIGN(const auto root, parse_diskutil_info(root_output.out));
  DQ_TRY_ASSIGN(const auto apfs_output, run(runner, kApfsListCommand));
  DQ_TRY_ASSIGN(const auto containers, parse_apfs_list(apfs_output.out));
  DQ_TRY_ASSIGN(const auto registry, read_registry(runner));
  MacHost host;
  host.disks = host_disks(listing, containers, registry);
  host.mounts = host_mounts(listing);
  host.system_disks = system_disks_from(listing, root, containers);
  return host;
}

}  // namespace dextqual::macos
