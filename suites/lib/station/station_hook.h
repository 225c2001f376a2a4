// Running one station hook: `/bin/sh -c COMMAND` through the one process wrapper (run_child), bounded
// by the hook's own timeout (its process group is killed after it), with everything it prints going to
// a log the caller names: the test's log for power_cycle/replug (the suite's stdout, which the runner
// keeps per test), logs/station/<hook>.log for pre_run/post_run, whatever the caller wants for reboot.
// A hook that exits non-zero, is killed or times out is an Error saying so ("exit status 3"); it is
// the station failing, not the DUT, so a test that called it ends as ERROR (station_error.h).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <stop_token>
#include <string>
#include <string_view>

#include "core/result.h"
#include "dut/dut_description.h"
#include "station/station_file.h"

namespace dextqual::station {

struct HookSpec {
  std::string name;  // power_cycle, replug, reboot, pre_run, post_run
  std::string command;
  std::chrono::milliseconds timeout{kDefaultHookTimeout};
};

// The hook `name` of the station the DUT came from (dut.json hooks + hook_timeouts_s), if it has one.
[[nodiscard]] std::optional<HookSpec> find_hook(const DutDescription& dut, std::string_view name);

// Carries the station's hooks into the DUT description (and so into dut.json for the suites).
void set_hooks(DutDescription& dut, const std::map<std::string, HookCommand>& hooks);

// The argv every hook runs as; the same for every caller, so a reproducer line is always right.
[[nodiscard]] std::vector<std::string> hook_argv(const HookSpec& hook);

// Runs the hook to completion (or its timeout, or `stop`), streaming its stdout and stderr into `log`
// between a line naming the hook and a line with its outcome.
[[nodiscard]] Status run_station_hook(const HookSpec& hook, std::ostream& log, std::stop_token stop = {});

// "station hook power_cycle failed: exit status 3" and the like, for hooks run by other means.
[[nodiscard]] std::string hook_failure(std::string_view name, std::string_view what);

}  // namespace dextqual::station
