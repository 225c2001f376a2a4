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
#include "testing/require_dut.h"

namespace dextqual::testing {

// The DUT of this run; has_dut() is false when the binary was started without one.
[[nodiscard]] bool has_dut();
[[nodiscard]] const DutDescription& dut();

// Path of the --dut file, for suites that re-resolve the device after a re-attach.
[[nodiscard]] const std::string& dut_path();

// Installs a description directly (unit tests of suite code, and suite_main).
void set_dut(DutDescription dut, std::string path = {});

// The named requirements REQUIRE_DUT takes (testing/require_dut.h): each answers nullopt when met, or
// the reason it is not. Suite libraries add their own to this namespace (device events in
// testing/dut_handle.h, fio in suites/fio).
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

// Requirements a test finds out by looking, named by whose they are, so a skip says which kind of
// absence it is: `reason` when `present` is false.
// What the standard lets a device leave out (an optional VPD page, DPOFUA, a sense field pointer).
[[nodiscard]] std::optional<std::string> device_offers(bool present, std::string reason);
// What an HBA driver may leave out and the harness then cannot do through it (a LU reset handler: Linux
// escalates past a driver without one). The skip names the driver's absence; it is not the device's.
[[nodiscard]] std::optional<std::string> driver_offers(bool present, std::string reason);
// What the host must have (a fio engine, mkfs for a filesystem, an OS property of the DUT).
[[nodiscard]] std::optional<std::string> host_offers(bool present, std::string reason);
// What the run must be given (a baseline, product expectations, an earlier phase's output).
[[nodiscard]] std::optional<std::string> run_provides(bool present, std::string reason);
}  // namespace requirement

}  // namespace dextqual::testing
