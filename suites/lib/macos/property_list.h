// Property lists as diskutil prints them (`diskutil info -plist`, `list -plist`, error dicts), parsed
// with pugixml into nlohmann::json so the rest of the adapter reads them like any other JSON. Built on
// every platform: the macOS adapter is tested on Linux against outputs recorded on real Macs
// (fixtures/macos/diskutil/), quirks included (MACOS.md §7): `<real>` where an integer was expected,
// keys missing by macOS version, and stray NSLog lines around or inside the XML.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.h"

namespace dextqual::macos {

// <dict> → object, <array> → array, <string>/<date>/<data> → string, <integer> → integer,
// <real> → floating point, <true/>/<false/> → boolean. An Error when no plist can be found.
[[nodiscard]] Result<nlohmann::json> parse_plist(std::string_view text);

// A size in bytes from a plist value that may be <integer> or <real> (MACOS.md §7); nullopt otherwise.
[[nodiscard]] std::optional<std::uint64_t> plist_size(const nlohmann::json& value);

// The <string> under `key`; "" when absent or not a string (keys come and go by macOS version).
[[nodiscard]] std::string plist_text(const nlohmann::json& dict, const char* key);

// A flag that may be <true/>/<false/> or the strings "Yes"/"No" (`Sealed`); nullopt when absent or other.
[[nodiscard]] std::optional<bool> plist_flag(const nlohmann::json& dict, const char* key);

}  // namespace dextqual::macos
