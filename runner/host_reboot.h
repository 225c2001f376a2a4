// The runner's half of the reboot contract (suites/lib/contract/run_contract.h) on real hardware (issue 10
// §4, F4/F11/F12). When a test left reboot-request.json, between two launches of its suite:
//   1. the state directory must not be on the DUT (nor on a partition of it): it holds the journal;
//   2. the journal records "reboot requested by <test>" (durable before anything else happens);
//   3. a one-shot resume at boot is armed (boot_resume.h);
//   4. the station's `reboot` hook runs (default: the OS's reboot command), and the runner stops
//      launching tests: the run continues at boot with `dextqual resume --at-boot`.
// Any refusal or failure is journaled ("reboot-failed") and disarmed, and the run goes on: the later
// phase then fails for want of reboot-done.json, which says what happened.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "runner/boot_resume.h"
#include "station/station_hook.h"

namespace dextqual::runner {

enum class RebootStep {
  nothing_requested,
  done,             // rebooted in place (simdext restart): go on with the next launch
  host_going_down,  // the host is rebooting: launch nothing more, exit; the run continues at boot
  failed,           // not rebooted; the note says why
};

struct RebootOutcome {
  RebootStep step = RebootStep::nothing_requested;
  std::string note;  // a line for the console
};

// What the run session gives the handler: its run id (names the boot job) and its journal.
struct RebootContext {
  std::string run_id;
  std::function<Status(const nlohmann::json& event)> record;
};

using RebootHandler = std::function<RebootOutcome(const RebootContext&)>;

struct HostRebootSettings {
  std::filesystem::path state_dir;
  std::string dut_node;
  std::optional<station::HookSpec>
      reboot_hook;  // the station's `reboot` hook; none: default_reboot_command()
  SystemCommand system;
  std::filesystem::path dextqual;
  std::map<std::string, std::string> env;  // for the resumed run
};

[[nodiscard]] RebootOutcome reboot_host(const HostRebootSettings& settings, const RebootContext& context);

// The run's state must outlive the DUT's contents (PERSISTENCE.md §4): an Error when `state_dir` is on
// the device `dut_node` names or on one of its partitions.
[[nodiscard]] Status check_state_dir_off_dut(const std::filesystem::path& state_dir,
                                             const std::string& dut_node);

struct DeviceNumber {
  std::string node;  // "/dev/loop3p1"
  dev_t number = 0;  // its st_rdev
};
// The device among `devices` whose number is `filesystem` (a st_dev), if any.
[[nodiscard]] std::optional<std::string> device_holding(dev_t filesystem,
                                                        const std::vector<DeviceNumber>& devices);

}  // namespace dextqual::runner
