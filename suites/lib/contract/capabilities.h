// The capabilities a run can be required to cover (`dextqual run --require destructive,...`, issue 14
// §3), and which requirement of a suite test belongs to which: spelled once, for both sides.
//
// A suite test declares a requirement with REQUIRE_DUT (testing/require_dut.h);
// when it is unmet the test skips with the text "requires <requirement>: <reason>", and when it is met
// the test records the property "requires.<requirement>" = "met". The runner reads both back
// (requirement_of_skip, kMetPropertyPrefix) and asks capability_of_requirement() which capability the
// test exercised or failed to: a required capability is covered when at least one test ran with it
// and none skipped for want of it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dextqual::contract {

// The names of the requirements, as the skip text and the "met" property spell them.
namespace requirement_name {
inline constexpr std::string_view data_loss_allowed = "data_loss_allowed";
inline constexpr std::string_view scsi_passthrough = "scsi_passthrough";
inline constexpr std::string_view raw_node = "raw_node";
inline constexpr std::string_view root = "root";
inline constexpr std::string_view capacity_at_least = "capacity_at_least";
inline constexpr std::string_view reboot_supported = "reboot_supported";
// A device event the DUT's lifecycle (simdext, or the station's hooks) can bring about.
inline constexpr std::string_view power_cut_supported = "power_cut_supported";
inline constexpr std::string_view eject_supported = "eject_supported";
inline constexpr std::string_view detach_supported = "detach_supported";
inline constexpr std::string_view attach_supported = "attach_supported";
inline constexpr std::string_view restart_supported = "restart_supported";
}  // namespace requirement_name

// "requires.data_loss_allowed" = "met": a test ran with the requirement met.
inline constexpr std::string_view kMetPropertyPrefix = "requires.";
inline constexpr std::string_view kMetValue = "met";

struct Capability {
  std::string_view name;  // as --require spells it: "destructive"
  std::string_view what;  // one line for usage errors and the README
  std::vector<std::string_view> requirements;
  // The tests that exist to exercise it, when their names say so ("persistence", "PowerCut.*"); empty
  // when they are spread over the suites (destructive). Only used to tell "filtered out" apart from
  // "skipped for another requirement first" in the gate's message.
  std::string_view suite;
  std::string_view filter;
};

[[nodiscard]] const std::vector<Capability>& capabilities();
[[nodiscard]] const Capability* find_capability(std::string_view name);
// "destructive, passthrough, ...", for usage errors.
[[nodiscard]] std::string capability_names();

// The requirement's plain name from how a macro spelled it: "requirement::capacity_at_least(1 << 30)",
// "scsi_passthrough()" and "data_loss_allowed" give "capacity_at_least", "scsi_passthrough",
// "data_loss_allowed".
[[nodiscard]] std::string requirement_name_of(std::string_view expression);

// The requirement a skip message names ("requires <expression>: ..."), by requirement_name_of; nullopt
// for any other skip.
[[nodiscard]] std::optional<std::string> requirement_of_skip(std::string_view skip_message);

// The capability a requirement belongs to, or nullptr (dut_present, simdext: no capability).
[[nodiscard]] const Capability* capability_of_requirement(std::string_view requirement);

}  // namespace dextqual::contract
