// The text of `systemextensionsctl list` (macOS 10.15 and later) as data: one entry per listed system
// extension, with the category section it was listed under. MACOS.md §4 and §7: the columns are
// tab-separated as printed, but copies pass through terminals and documents that turn tabs into runs
// of spaces, or single spaces; the enabled/active columns hold `*`, a space or nothing; the team id is
// `-` for a development build; macOS 15 adds "(Go to 'System Settings > …' to modify these system
// extension(s))" to each section line; `systemextensionsctl list CATEGORY` starts with "Category: …".
// Real captures: fixtures/macos/systemextensionsctl/. Pure code: it builds and is tested everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dextqual::macos {

// The category of DriverKit extensions, the only one a DEXT under test may be listed in.
inline constexpr std::string_view kDriverExtensionCategory = "com.apple.system_extension.driver_extension";

struct SystemExtension {
  std::string category;  // the section it was listed under, e.g. kDriverExtensionCategory
  bool enabled = false;  // the `*` of the enabled column
  bool active = false;   // the `*` of the active column
  std::string team_id;   // "-" when the extension is not signed by a team (a development build)
  std::string bundle_id;
  std::string
      version;  // what the parentheses hold: "CFBundleShortVersionString/CFBundleVersion", e.g. "1.2.3/45"
  std::string name;
  std::string state;  // without the brackets, e.g. "activated enabled"
  int line = 0;       // 1-based line of the output, for messages
};

struct SystemExtensionList {
  std::optional<int> declared_count;  // the "N extension(s)" line
  std::vector<SystemExtension> extensions;
  // Where each category's extensions are switched on, from the macOS 15 section suffix ("System Settings >
  // General > Login Items & Extensions > Driver Extensions"); empty for older releases.
  std::vector<std::pair<std::string, std::string>> settings_paths;
  // Lines that are none of the known shapes, kept so that a caller can tell "absent" from "listed in a
  // form this parser does not know" (a new macOS release).
  std::vector<std::string> unread_lines;
};

// Never fails: unknown lines go to unread_lines. A row is a line ending in "[state]" whose columns
// before the state hold a token followed by "(version)"; the token is the bundle id.
[[nodiscard]] SystemExtensionList parse_system_extensions(std::string_view output);

// The System Settings path the list names for `category`, or empty.
[[nodiscard]] std::string settings_path_for(const SystemExtensionList& list, std::string_view category);

}  // namespace dextqual::macos
