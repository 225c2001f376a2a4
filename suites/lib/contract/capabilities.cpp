#include "contract/capabilities.h"

#include <algorithm>

namespace dextqual::contract {

namespace name = requirement_name;

const std::vector<Capability>& capabilities() {
  // Eject and surprise removal are both "the device goes away and comes back" (hotplug); the attach
  // that follows a power cut is checked after the cut itself, so a DUT that cannot be cut skips as
  // power-cut first.
  static const std::vector<Capability> table = {
      {"destructive",
       "tests that overwrite the DUT (--allow-data-loss <serial or WWN>)",
       {name::data_loss_allowed},
       "",
       ""},
      {"passthrough",
       "SCSI commands through the driver's pass-through (the scsi suite)",
       {name::scsi_passthrough},
       "scsi",
       ""},
      {"power-cut",
       "the DUT loses power and comes back (simdext, or the station's power_cycle hook)",
       {name::power_cut_supported},
       "persistence",
       "PowerCut.*"},
      {"reboot",
       "a host reboot between two phases (simdext restart, or the station's reboot hook)",
       {name::reboot_supported, name::restart_supported},
       "persistence",
       "Reboot.*"},
      {"hotplug",
       "eject, surprise removal and re-attach (simdext, or the station's replug hook)",
       {name::eject_supported, name::detach_supported, name::attach_supported},
       "",
       "Hotplug.*:Eject.*"},
      {"raw-node", "I/O through the OS's raw block node of the DUT", {name::raw_node}, "", ""},
      {"root", "tests that need root (loop devices, mounts)", {name::root}, "", ""},
      {"capacity", "tests that need a DUT larger than the one given", {name::capacity_at_least}, "", ""},
  };
  return table;
}

const Capability* find_capability(std::string_view wanted) {
  const auto& table = capabilities();
  const auto it = std::find_if(table.begin(), table.end(), [&](const auto& c) { return c.name == wanted; });
  return it == table.end() ? nullptr : &*it;
}

std::string capability_names() {
  std::string names;
  for (const auto& capability : capabilities()) {
    names += (names.empty() ? "" : ", ") + std::string(capability.name);
  }
  return names;
}

std::string requirement_name_of(std::string_view expression) {
  constexpr std::string_view kNamespace = "requirement::";
  const auto start = expression.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  expression.remove_prefix(start);
  if (const auto at = expression.rfind(kNamespace, 0); at == 0) expression.remove_prefix(kNamespace.size());
  // A source line read by the runner's listing ends the bare name with ");" too.
  const auto end = expression.find_first_of("( );,");
  return std::string(expression.substr(0, end));
}

std::optional<std::string> requirement_of_skip(std::string_view skip_message) {
  constexpr std::string_view kPrefix = "requires ";
  if (!skip_message.starts_with(kPrefix)) return std::nullopt;
  skip_message.remove_prefix(kPrefix.size());
  const auto colon = skip_message.find(": ");
  if (colon == std::string_view::npos) return std::nullopt;
  auto requirement = requirement_name_of(skip_message.substr(0, colon));
  if (requirement.empty()) return std::nullopt;
  return requirement;
}

const Capability* capability_of_requirement(std::string_view requirement) {
  for (const auto& capability : capabilities()) {
    const auto& names = capability.requirements;
    if (std::find(names.begin(), names.end(), requirement) != names.end()) return &capability;
  }
  return nullptr;
}

}  // namespace dextqual::contract
