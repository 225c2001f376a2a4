#include "macos/diskutil_apfs.h"

#include "macos/property_list.h"

namespace dextqual::macos {

std::vector<std::string> ApfsContainer::stores() const {
  if (!physical_stores.empty()) return physical_stores;
  if (!designated_physical_store.empty()) return {designated_physical_store};
  return {};
}

Result<std::vector<ApfsContainer>> parse_apfs_list(std::string_view output) {
  DQ_TRY_ASSIGN(const nlohmann::json plist, parse_plist(output));
  if (!plist.is_object()) return fail("diskutil apfs list -plist", "the plist is not a dictionary");
  if (plist_flag(plist, "Error") == true)
    return fail("diskutil apfs list -plist", plist_text(plist, "ErrorMessage"));
  std::vector<ApfsContainer> containers;
  const auto list = plist.find("Containers");
  if (list == plist.end()) return containers;  // no APFS on this Mac
  if (!list->is_array()) return fail("diskutil apfs list -plist", "Containers is not an array");
  for (const nlohmann::json& entry : *list) {
    ApfsContainer container;
    container.reference = plist_text(entry, "ContainerReference");
    container.designated_physical_store = plist_text(entry, "DesignatedPhysicalStore");
    if (auto stores = entry.find("PhysicalStores"); stores != entry.end() && stores->is_array()) {
      for (const nlohmann::json& store : *stores) {
        if (std::string id = plist_text(store, "DeviceIdentifier"); !id.empty())
          container.physical_stores.push_back(id);
      }
    }
    if (auto volumes = entry.find("Volumes"); volumes != entry.end() && volumes->is_array()) {
      for (const nlohmann::json& dict : *volumes) {
        ApfsVolume volume{plist_text(dict, "DeviceIdentifier"), plist_text(dict, "Name"), {}};
        if (auto roles = dict.find("Roles"); roles != dict.end() && roles->is_array()) {
          for (const nlohmann::json& role : *roles) {
            if (role.is_string()) volume.roles.push_back(role.get<std::string>());
          }
        }
        container.volumes.push_back(std::move(volume));
      }
    }
    containers.push_back(std::move(container));
  }
  return containers;
}

}  // namespace dextqual::macos
