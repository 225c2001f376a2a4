#include "runner/station_run_hooks.h"

#include <fstream>

#include "station/station_hook.h"

namespace dextqual::runner {

StationHookRun run_station_run_hook(const DutDescription& dut, std::string_view name,
                                    const std::filesystem::path& report_dir) {
  StationHookRun run;
  const auto hook = station::find_hook(dut, name);
  if (!hook) return run;
  run.ran = true;
  run.log_in_report = "logs/station/" + hook->name + ".log";
  std::error_code ec;
  std::filesystem::create_directories(report_dir / "logs" / "station", ec);
  std::ofstream log(report_dir / run.log_in_report, std::ios::binary | std::ios::app);
  if (auto ran = station::run_station_hook(*hook, log); !ran) run.failure = ran.error().message();
  return run;
}

}  // namespace dextqual::runner
