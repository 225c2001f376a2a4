// Is the DEXT under test the driver macOS runs? (issue 12 §2; README "Station file", [dext].) Decided
// from `systemextensionsctl list` (system_extensions.h) before a run starts: only an entry of the
// driver-extension category in state [activated enabled] is ready. Anything else is a configuration
// error of the station, said with the state seen and what to do about it, because a run against a DEXT
// waiting for the user's approval (field report F11) or about to be uninstalled qualifies nothing.
//
// The same bundle id can be listed more than once: an upgrade leaves the old copy
// [terminated waiting to uninstall on reboot] beside the new [activated enabled] one. The entry under
// test is the one [activated enabled]; terminated copies are only reported. Two [activated enabled]
// copies, or a newer copy still waiting (for the user, for a reboot), are refused: the version that
// would be qualified is not the one installed for the future. Pure code, tested on Linux.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "macos/system_extensions.h"

namespace dextqual::macos {

enum class DextVerdict {
  ready,                // one entry [activated enabled] in the driver-extension category
  not_enabled,          // listed, but in another state (waiting for user, disabled, terminated, ...)
  replacement_pending,  // one copy enabled, another copy of the same bundle id waits to replace it
  ambiguous,            // more than one copy [activated enabled]
  not_a_driver,         // listed only in another category (a network or endpoint-security extension)
  absent,               // not listed at all
};

struct DextState {
  DextVerdict verdict = DextVerdict::absent;
  std::string bundle_id;
  std::optional<SystemExtension> entry;  // the copy under test (ready), or the one the message is about
  std::vector<SystemExtension> others;   // every other copy of the same bundle id, in listed order
  std::string message;                   // why it is not ready and what to do; empty when ready

  [[nodiscard]] bool ready() const { return verdict == DextVerdict::ready; }
};

[[nodiscard]] DextState decide_dext_state(const SystemExtensionList& list, std::string_view bundle_id);

// The report properties of a decided DEXT: dext.bundle_id, dext.version, dext.state, dext.team_id,
// dext.name, and dext.other_entries ("2.0.3/203 [terminated waiting to uninstall on reboot]") when
// the bundle id is listed more than once. Their names are reserved with the runner's other own
// properties (station::kReservedProperties), so neither --property nor [report] can fake them.
[[nodiscard]] std::map<std::string, std::string> dext_properties(const DextState& state);

}  // namespace dextqual::macos
