// Which station file a run reads, and what it adds to the run (README "Station file"). The file is
// --device-file when given; otherwise, when the command line names no device at all (no --sim,
// --device, --device-file or --no-dut), the default station file if it exists: $DEXTQUAL_STATION, or
// /etc/dextqual/station.toml. Without one, a run is simdext with the clean profile, as before.
// The station's [run] defaults fill in what the command line did not say; the command line wins.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "runner/exit_status.h"
#include "runner/run_options.h"
#include "station/station_file.h"

namespace dextqual::runner {

inline constexpr const char* kDefaultStationFile = "/etc/dextqual/station.toml";
inline constexpr const char* kStationEnvironmentVariable = "DEXTQUAL_STATION";

// The default station file: $DEXTQUAL_STATION when set and not empty, else /etc/dextqual/station.toml.
[[nodiscard]] std::filesystem::path default_station_file();

// The station file this run reads, if any (`default_file` when it applies and exists).
[[nodiscard]] std::optional<std::filesystem::path> station_file_for(
    const RunOptions& options, const std::filesystem::path& default_file);

// Reads the station file this run reads (a usage error when it is malformed), records it in
// options.device_file, and applies its [run], [dext] bundle_id and [device] allow_data_loss defaults to every
// option not in `given` (the long option names the command line had, e.g. "--filter"; "--full" counts as
// saying --quick). Returns the station, or nullopt when the run has none.
[[nodiscard]] CommandResult<std::optional<station::Station>> apply_station(
    RunOptions& options, const std::set<std::string>& given, const std::filesystem::path& default_file);

// The run properties a station adds to the reports: its name and its [report] properties.
[[nodiscard]] std::map<std::string, std::string> station_properties(const station::Station& station);

}  // namespace dextqual::runner
