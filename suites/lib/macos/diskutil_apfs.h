// `diskutil apfs list -plist`: every APFS container, the partitions it is built on (its physical
// stores) and its volumes with their roles. The container is a synthesized disk (disk1, disk3): a
// volume's data lives on the container's physical stores, which is what the system-disk check and the
// erased-disk lookup need. A Mac without APFS prints an empty dict (no `Containers` key).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dextqual::macos {

struct ApfsVolume {
  std::string device_identifier;  // disk1s1
  std::string name;
  std::vector<std::string> roles;  // "System", "Data", "Preboot", "Recovery", "VM"; empty on early releases
};

struct ApfsContainer {
  std::string reference;                     // ContainerReference: the synthesized disk, "disk1"
  std::string designated_physical_store;     // DesignatedPhysicalStore
  std::vector<std::string> physical_stores;  // PhysicalStores[].DeviceIdentifier (two for Fusion)
  std::vector<ApfsVolume> volumes;

  // The physical stores, or the designated one when the list is empty.
  [[nodiscard]] std::vector<std::string> stores() const;
};

[[nodiscard]] Result<std::vector<ApfsContainer>> parse_apfs_list(std::string_view output);

}  // namespace dextqual::macos
