// `base = "clean.toml"`: a fault profile holds only its difference from another profile. The base
// is read relative to the profile's own folder, recursively (a chain of at most 8, no cycles), and
// merged under the profile: tables merge key by key, an array ([[target]], [[rule]]) given by the
// profile replaces the base's whole array. [profile] and [selftest] describe one file and are never
// inherited.
#pragma once

#include <toml++/toml.h>

#include <expected>
#include <string>

namespace simdext {

// The profile's table with its base chain merged in and the `base` key removed.
[[nodiscard]] std::expected<toml::table, std::string> resolve_base(toml::table profile,
                                                                   const std::string& path);

}  // namespace simdext
