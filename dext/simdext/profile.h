// Reads a fault profile (TOML, fixtures/faults/README.md) into a Profile. Unknown keys are errors
// (a typo must not silently disable a fault); the [selftest] table belongs to the runner and is
// ignored here.
#pragma once

#include <expected>
#include <string>

#include "config.h"

namespace simdext {

[[nodiscard]] std::expected<Profile, std::string> load_profile(const std::string& path);
[[nodiscard]] std::expected<Profile, std::string> parse_profile(const std::string& text,
                                                                const std::string& path);
// "64MiB", "1GiB", "512", 4096 -> bytes.
[[nodiscard]] std::expected<uint64_t, std::string> parse_size(const std::string& text);

}  // namespace simdext
