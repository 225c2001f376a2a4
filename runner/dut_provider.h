// Resolves the device under test for a run (ARCHITECTURE.md "How a run flows" steps 1-2): with no
// device, a simdext started with the requested fault profile (clean.toml by default); with
// --device/--device-file, the real device, admitted only through the safety gate. Either way the
// result is the DUT description the suites get as --dut=<state>/dut.json, the identity the reports
// show, a presence check (for DEVICE-LOST) and the command that reproduces a test against it.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "dut/dut_description.h"
#include "reports/report.h"
#include "runner/dut_lock.h"
#include "runner/exit_status.h"
#include "runner/host_reboot.h"
#include "runner/installation.h"
#include "runner/run_options.h"
#include "runner/simdext_session.h"

namespace dextqual::runner {

struct ProvisionedDut {
  DutDescription dut;
  reports::DutInfo info;
  std::filesystem::path dut_json;
  std::unique_ptr<SimdextSession> simdext;  // stopped when this goes away
  std::optional<DutLock> lock;              // a real device: held for the whole run (one DUT, one run)
  std::function<bool()> present;
  std::function<std::string(const std::string& binary)> reproducer_prefix;
  std::map<std::string, std::string> env;  // for every suite binary (SIMDEXT for lifecycle control)
  // The runner's half of the reboot contract (suites/lib/contract/run_contract.h): when a test left
  // reboot-request.json, simdext restarts in place (and the DUT is found again, reboot-done.json
  // written); a real device's host reboots (host_reboot.h) and the run continues at boot.
  RebootHandler honour_reboot_request;
};

// Writes <state_dir>/dut.json. Usage errors (exit 2) for refusals, a real DUT locked by another run
// (`holder` is who this run is, for the lock) and bad options; harness errors (exit 3) when simdext
// cannot be started. A simulated DUT needs no lock: every run starts its own simdext.
[[nodiscard]] CommandResult<ProvisionedDut> provision_dut(const RunOptions& options,
                                                          const Installation& installation,
                                                          const std::filesystem::path& state_dir,
                                                          const LockHolder& holder);

// --sim NAME or PATH -> the profile file ("f2-max-transfer-64k", "f2-max-transfer-64k.toml", a path).
[[nodiscard]] CommandResult<std::filesystem::path> resolve_profile(const std::string& name,
                                                                   const Installation& installation);

[[nodiscard]] reports::DutInfo dut_info(const DutDescription& dut);

}  // namespace dextqual::runner
