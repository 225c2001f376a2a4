#include "macos/dext_state.h"

#include <algorithm>

namespace dextqual::macos {
namespace {

constexpr std::string_view kEnabled = "activated enabled";
constexpr std::string_view kDefaultSettingsPath =
    "System Settings > General > Login Items & Extensions > Driver Extensions (System Preferences > "
    "Security & Privacy before macOS 13)";

std::string described(const SystemExtension& entry) {
  return entry.version + " [" + entry.state + "] (line " + std::to_string(entry.line) + ")";
}

std::string settings_of(const SystemExtensionList& list) {
  const auto path = settings_path_for(list, kDriverExtensionCategory);
  return path.empty() ? std::string(kDefaultSettingsPath) : path;
}

// What to do about an entry that is not [activated enabled], by its state.
std::string advice_for(const SystemExtensionList& list, std::string_view state) {
  if (state == "activated waiting for user") {
    return "macOS waits for an administrator to allow it (field report F11): allow it in " +
           settings_of(list) + ", then run again";
  }
  if (state == "activated disabled") return "it is switched off: switch it on in " + settings_of(list);
  if (state.starts_with("terminated")) {
    return "it is being removed (macOS uninstalls it at the next reboot): install and activate the DEXT "
           "again from its host app (reboot first if it asks), then run again";
  }
  if (state.find("reboot") != std::string_view::npos) return "it takes effect after a reboot: reboot the Mac";
  return "macOS has not finished activating it: wait until `systemextensionsctl list` shows it "
         "[activated enabled], or install it again";
}

std::string listed_drivers(const SystemExtensionList& list) {
  std::string text;
  for (const auto& entry : list.extensions) {
    if (entry.category != kDriverExtensionCategory) continue;
    text += (text.empty() ? "" : ", ") + entry.bundle_id + " " + entry.version + " [" + entry.state + "]";
  }
  return text.empty() ? "no driver extension is listed" : "driver extensions listed: " + text;
}

// Absent: say what was listed, so that a misspelt bundle id shows, and whether the list was read whole.
std::string absent_message(const SystemExtensionList& list, std::string_view bundle_id) {
  std::string message = "the DEXT under test, " + std::string(bundle_id) +
                        ", is not in `systemextensionsctl list`: it is not installed, or [dext] bundle_id "
                        "(--dext) is misspelt; " +
                        listed_drivers(list);
  for (const auto& line : list.unread_lines) {
    if (line.find(bundle_id) != std::string::npos) {
      return "the DEXT under test, " + std::string(bundle_id) +
             ", is on a line of `systemextensionsctl list` this version of dextqual cannot read: '" + line +
             "' (report it with the whole output)";
    }
  }
  const auto read = static_cast<int>(list.extensions.size());
  if (list.declared_count && *list.declared_count != read) {
    message += "; the list declares " + std::to_string(*list.declared_count) + " extension(s), " +
               std::to_string(read) + " were read";
  }
  return message;
}

DextState enabled_one(const SystemExtensionList& list, DextState state, std::size_t index) {
  std::vector<SystemExtension> copies = std::move(state.others);
  state.entry = copies[index];
  copies.erase(copies.begin() + static_cast<std::ptrdiff_t>(index));
  state.others = std::move(copies);
  const auto live = std::find_if(state.others.begin(), state.others.end(),
                                 [](const SystemExtension& e) { return !e.state.starts_with("terminated"); });
  if (live == state.others.end()) {
    state.verdict = DextVerdict::ready;
    return state;
  }
  state.verdict = live->state == kEnabled ? DextVerdict::ambiguous : DextVerdict::replacement_pending;
  if (state.verdict == DextVerdict::ambiguous) {
    state.message = "the DEXT under test, " + state.bundle_id +
                    ", is listed [activated enabled] more than once (" + described(*state.entry) + ", " +
                    described(*live) +
                    "): which copy drives the controller cannot be told; reboot so that macOS removes the "
                    "old one, then run again";
  } else {
    state.message =
        "the DEXT under test, " + state.bundle_id + ", is " + described(*state.entry) +
        ", but another copy, " + described(*live) +
        ", is waiting to replace it: this run would qualify the version on its way out. That copy: " +
        advice_for(list, live->state) + " (or remove that copy)";
  }
  return state;
}

}  // namespace

DextState decide_dext_state(const SystemExtensionList& list, std::string_view bundle_id) {
  DextState state;
  state.bundle_id = std::string(bundle_id);
  const SystemExtension* elsewhere = nullptr;
  for (const auto& entry : list.extensions) {
    if (entry.bundle_id != bundle_id) continue;
    if (entry.category == kDriverExtensionCategory) {
      state.others.push_back(entry);
    } else if (elsewhere == nullptr) {
      elsewhere = &entry;
    }
  }
  if (state.others.empty()) {
    state.verdict = elsewhere != nullptr ? DextVerdict::not_a_driver : DextVerdict::absent;
    if (elsewhere != nullptr) {
      state.entry = *elsewhere;
      state.message = "the DEXT under test, " + state.bundle_id + ", is listed in category " +
                      elsewhere->category + " (line " + std::to_string(elsewhere->line) + "), not " +
                      std::string(kDriverExtensionCategory) +
                      ": [dext] bundle_id (--dext) must name the DriverKit extension of the SCSI controller";
    } else {
      state.message = absent_message(list, bundle_id);
    }
    return state;
  }
  for (std::size_t i = 0; i < state.others.size(); ++i) {
    if (state.others[i].state == kEnabled) return enabled_one(list, std::move(state), i);
  }
  // None enabled: speak of the newest live copy (the last one listed that is not terminated), else the last.
  auto about = std::find_if(state.others.rbegin(), state.others.rend(),
                            [](const SystemExtension& e) { return !e.state.starts_with("terminated"); });
  if (about == state.others.rend()) about = state.others.rbegin();
  const auto index = static_cast<std::size_t>(std::distance(about, state.others.rend()) - 1);
  state.entry = state.others[index];
  state.others.erase(state.others.begin() + static_cast<std::ptrdiff_t>(index));
  state.verdict = DextVerdict::not_enabled;
  state.message = "the DEXT under test, " + state.bundle_id + ", is " + described(*state.entry) +
                  ", not [activated enabled]: " + advice_for(list, state.entry->state);
  return state;
}

std::map<std::string, std::string> dext_properties(const DextState& state) {
  std::map<std::string, std::string> properties{{"dext.bundle_id", state.bundle_id}};
  if (!state.entry) return properties;
  properties["dext.version"] = state.entry->version;
  properties["dext.state"] = state.entry->state;
  properties["dext.team_id"] = state.entry->team_id;
  properties["dext.name"] = state.entry->name;
  std::string others;
  for (const auto& other : state.others) {
    others += (others.empty() ? "" : "; ") + other.version + " [" + other.state + "]";
  }
  if (!others.empty()) properties["dext.other_entries"] = others;
  return properties;
}

}  // namespace dextqual::macos
