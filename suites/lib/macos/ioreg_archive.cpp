#include "macos/ioreg_archive.h"

#include "macos/property_list.h"

namespace dextqual::macos {
namespace {

bool find_media(const nlohmann::json& entry, std::string_view bsd_name, RegistryPath& path) {
  if (!entry.is_object()) return false;
  path.push_back(&entry);
  if (auto name = entry.find("BSD Name"); name != entry.end() && name->is_string() && *name == bsd_name) {
    return true;
  }
  if (auto children = entry.find("IORegistryEntryChildren"); children != entry.end()) {
    if (children->is_object()) {  // -t: the one child on the way down to a match
      if (find_media(*children, bsd_name, path)) return true;
    } else if (children->is_array()) {
      for (const nlohmann::json& child : *children) {
        if (find_media(child, bsd_name, path)) return true;
      }
    }
  }
  path.pop_back();
  return false;
}

}  // namespace

std::string_view bsd_name_of(std::string_view node) {
  for (std::string_view prefix : {"/dev/r", "/dev/"}) {
    if (node.starts_with(prefix)) {
      node.remove_prefix(prefix.size());
      break;
    }
  }
  return node;
}

Result<IoregArchive> IoregArchive::parse(std::string_view output) {
  IoregArchive archive;
  if (output.find_first_not_of(" \t\r\n") == std::string_view::npos) return archive;
  DQ_TRY_ASSIGN(nlohmann::json plist, parse_plist(output));
  if (plist.is_array()) {
    archive.roots_ = std::move(plist);
  } else if (plist.is_object()) {
    archive.roots_.push_back(std::move(plist));  // without -r: the registry root itself
  } else {
    return fail("ioreg -a", "the plist is neither an array nor a dictionary");
  }
  return archive;
}

std::optional<RegistryPath> IoregArchive::path_to_media(std::string_view bsd_name) const {
  bsd_name = bsd_name_of(bsd_name);
  RegistryPath path;
  for (const nlohmann::json& root : roots_) {
    if (find_media(root, bsd_name, path)) return path;
  }
  return std::nullopt;
}

const nlohmann::json* nearest_property(const RegistryPath& path, std::string_view key) {
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    if (auto value = (*it)->find(key); value != (*it)->end()) return &*value;
  }
  return nullptr;
}

const nlohmann::json* nearest_nested_property(const RegistryPath& path, std::string_view dictionary,
                                              std::string_view key) {
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const auto dict = (*it)->find(dictionary);
    if (dict == (*it)->end() || !dict->is_object()) continue;
    if (auto value = dict->find(key); value != dict->end()) return &*value;
  }
  return nullptr;
}

}  // namespace dextqual::macos
