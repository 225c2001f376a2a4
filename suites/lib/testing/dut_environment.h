// What every suite test sees of the device under test, and the named requirements a test declares.
// A suite binary links `dextqual_suite_main`, which reads `--dut=PATH` (or $DEXTQUAL_DUT) before
// GoogleTest runs. A requirement that the DUT cannot meet skips the test with its reason
// (STYLE.md §4): never a silent pass.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dut/dut_description.h"

namespace dextqual::testing {

// The DUT of this run; has_dut() is false when the binary was started without one.
[[nodiscard]] bool has_dut();
[[nodiscard]] const DutDescription& dut();

// Path of the --dut file, for suites that re-resolve the device after a re-attach.
[[nodiscard]] const std::string& dut_path();

// Installs a description directly (unit tests of suite code, and suite_main).
void set_dut(DutDescription dut, std::string path = {});

// Each requirement answers nullopt when met, or the reason it is not.
namespace requirement {
[[nodiscard]] std::optional<std::string> dut_present();
[[nodiscard]] std::optional<std::string> scsi_passthrough();
[[nodiscard]] std::optional<std::string> data_loss_allowed();
[[nodiscard]] std::optional<std::string> simdext();
[[nodiscard]] std::optional<std::string> raw_node();
[[nodiscard]] std::optional<std::string> capacity_at_least(uint64_t bytes);
[[nodiscard]] std::optional<std::string> hook(const std::string& name);
[[nodiscard]] std::optional<std::string> root();
// A host reboot between two phases: simdext restarts; real hardware needs the station's reboot hook.
[[nodiscard]] std::optional<std::string> reboot_supported();
}  // namespace requirement

}  // namespace dextqual::testing

namespace dextqual::testing::detail {
// REQUIRE_DUT takes a bare predicate name (`raw_node`) or a call (`capacity_at_least(n)`); these
// two overloads make both spellings yield the unmet reason.
inline std::optional<std::string> unmet(std::optional<std::string> (*predicate)()) { return predicate(); }
inline std::optional<std::string> unmet(std::optional<std::string> reason) { return reason; }

// The one spelling of a requirement's outcome that the runner reads back (contract/capabilities.h):
// unmet, the skip text "requires <name>: <reason>"; met, the test property "requires.<name>" = "met".
// `expression` is how the macro spelled it ("requirement::capacity_at_least(n)"): the name is
// contract::requirement_name_of(expression).
[[nodiscard]] std::optional<std::string> check_requirement(std::string_view expression,
                                                           std::optional<std::string> unmet);
}  // namespace dextqual::testing::detail

// REQUIRE_DUT(raw_node), REQUIRE_DUT(capacity_at_least(1 << 30)): skips the test with the reason.
#define REQUIRE_DUT(requirement_expr)                                                                \
  do {                                                                                               \
    if (auto dq_skip = ::dextqual::testing::detail::check_requirement(                               \
            #requirement_expr,                                                                       \
            ::dextqual::testing::detail::unmet(::dextqual::testing::requirement::requirement_expr)); \
        dq_skip) {                                                                                   \
      GTEST_SKIP() << *dq_skip;                                                                      \
    }                                                                                                \
  } while (false)
