// What each fault action can act on (issue 13 §2: faults that do what they say). A field report
// showed simdext logging `data_in_zero` as applied to REPORT LUNS while the host received the real
// LUN list: a fault logged but not applied makes a passing test meaningless. So:
// - at profile load, a rule whose own keys (opcodes, direction, lun, events) name a command or an
//   event its action cannot act on is an error that says what the action acts on;
// - at run time, the engine does not match (nor count, nor log) a command the action cannot change
//   (a data-in action on a command without data-in, an LU action on REPORT LUNS or an absent LUN).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

#include "fault_rules.h"

namespace simdext {

struct Profile;

struct ActionScope {
  bool any_command = false;         // acts on every command (answers, timing)
  std::vector<uint8_t> opcodes;     // otherwise only on these
  const char* commands = "";        // the opcodes in words, for the load error
  bool needs_lu = false;            // the LU executes it: not REPORT LUNS, not an absent LUN
  bool data_in = false;             // only on commands that carry data-in
  std::vector<std::string> events;  // lifecycle events it acts on (empty: none)
};

[[nodiscard]] const ActionScope& scope_of(FaultAction action);

// Run time: can the rule's action change this command? (The engine's last match condition.)
[[nodiscard]] bool can_act(FaultAction action, const CommandFacts& facts);

// Load time: refuses a rule that matches what its action cannot act on; a command rule without
// `opcodes` gets the action's opcodes, so it never matches (and is never logged on) anything else.
[[nodiscard]] std::expected<void, std::string> check_rule_scope(FaultRule& rule, const std::string& where,
                                                                const Profile& profile);

}  // namespace simdext
