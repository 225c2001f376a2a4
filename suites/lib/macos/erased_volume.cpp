#include "macos/erased_volume.h"

#include <algorithm>

namespace dextqual::macos {

Result<DiskutilVolume> volume_of_erased_disk(const std::vector<DiskutilWholeDisk>& listing,
                                             const std::string& disk, const std::string& label) {
  const auto whole = std::find_if(listing.begin(), listing.end(), [&](const DiskutilWholeDisk& entry) {
    return entry.device_identifier == disk;
  });
  if (whole == listing.end())
    return fail("find the volume of " + disk, "diskutil list does not show " + disk);
  std::string seen;
  for (const DiskutilVolume& partition : whole->partitions) {
    if (partition.volume_name == label && partition.content != "Apple_APFS") return partition;
    if (partition.content != "Apple_APFS") continue;
    // The partition is an APFS physical store: the volume is in the container built on it.
    for (const DiskutilWholeDisk& container : listing) {
      const auto& stores = container.apfs_physical_stores;
      if (std::find(stores.begin(), stores.end(), partition.device_identifier) == stores.end()) continue;
      for (const DiskutilVolume& volume : container.partitions) {
        const std::string& id = volume.device_identifier;
        if (!is_snapshot_identifier(id) && volume.volume_name == label) return volume;
        seen += " " + id + " '" + volume.volume_name + "'";
      }
    }
  }
  for (const DiskutilVolume& partition : whole->partitions) {
    seen += " " + partition.device_identifier + " '" + partition.volume_name + "'";
  }
  return fail("find the volume of " + disk, "no volume named '" + label +
                                                "' on it or in an APFS container on it; the listing shows:" +
                                                (seen.empty() ? std::string(" nothing") : seen));
}

}  // namespace dextqual::macos
