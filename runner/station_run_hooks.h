// The station's pre_run and post_run hooks around a run (README "Station file"): pre_run before the
// first test of a run (not again when it resumes), post_run after the last test of every run that
// executed, whatever its outcome. Each runs with its own timeout, its output in
// <report-dir>/logs/station/<hook>.log; a failure is noted on the console and in the reports as the
// run property station.<hook>.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "dut/dut_description.h"

namespace dextqual::runner {

struct StationHookRun {
  bool ran = false;           // the station has this hook
  std::string failure;        // empty when it passed: "station hook pre_run failed: exit status 3"
  std::string log_in_report;  // logs/station/pre_run.log
};

// Runs the hook `name` of the DUT's station, if it has one. post_run is not cut short by SIGINT or
// SIGTERM (it is what puts the lab back in order; its timeout bounds it).
[[nodiscard]] StationHookRun run_station_run_hook(const DutDescription& dut, std::string_view name,
                                                  const std::filesystem::path& report_dir);

}  // namespace dextqual::runner
