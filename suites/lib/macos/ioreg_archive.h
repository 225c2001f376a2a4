// `ioreg -a` output (the archive form, an XML plist) as a tree one can walk from a disk up to the
// registry root. Its shape, from Apple's IOKitTools ioreg.c (archive_search/archive_scan): with -r the
// root is an <array> with one <dict> per matched entry; with -t each of those is the registry root,
// and each ancestor links the next one down through `IORegistryEntryChildren` holding a single <dict>,
// while below the matched entry `IORegistryEntryChildren` is an <array> of its subtree. Without -t the
// matched entry is the top. Nothing matched: empty stdout, exit 0 (MACOS.md §4). Both link forms are
// followed here, so -t, -d and plain -r outputs all work.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dextqual::macos {

// The registry entries from the outermost one ioreg printed down to a matched entry, outermost first.
using RegistryPath = std::vector<const nlohmann::json*>;

class IoregArchive {
 public:
  // An empty output is an empty archive (nothing matched), not an error; a malformed one is.
  [[nodiscard]] static Result<IoregArchive> parse(std::string_view output);

  [[nodiscard]] bool empty() const { return roots_.empty(); }
  // The path to the IOMedia whose `BSD Name` is `bsd_name` ("disk5"; "/dev/rdisk5" is accepted).
  [[nodiscard]] std::optional<RegistryPath> path_to_media(std::string_view bsd_name) const;

 private:
  nlohmann::json roots_ = nlohmann::json::array();
};

// copyProperty(key, gIOServicePlane) as the block layer does it: the entry itself, then each parent;
// the first hit wins (MACOS.md §2). nullptr when no entry on the path has the key.
[[nodiscard]] const nlohmann::json* nearest_property(const RegistryPath& path, std::string_view key);

// The same for a key inside a dictionary property, e.g. "Protocol Characteristics" →
// "Physical Interconnect", "Device Characteristics" → "Serial Number": the nearest entry whose
// dictionary has that key.
[[nodiscard]] const nlohmann::json* nearest_nested_property(const RegistryPath& path,
                                                            std::string_view dictionary,
                                                            std::string_view key);

// "disk5" from "/dev/rdisk5", "/dev/disk5" or "disk5".
[[nodiscard]] std::string_view bsd_name_of(std::string_view node);

}  // namespace dextqual::macos
