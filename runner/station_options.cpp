#include "runner/station_options.h"

#include <cstdlib>

namespace dextqual::runner {

std::filesystem::path default_station_file() {
  const char* override_path = std::getenv(kStationEnvironmentVariable);
  return override_path != nullptr && *override_path != '\0' ? override_path : kDefaultStationFile;
}

std::optional<std::filesystem::path> station_file_for(const RunOptions& options,
                                                      const std::filesystem::path& default_file) {
  if (!options.device_file.empty()) return std::filesystem::path(options.device_file);
  if (options.no_dut || !options.sim_profile.empty() || !options.device.empty()) return std::nullopt;
  std::error_code ec;
  if (std::filesystem::is_regular_file(default_file, ec)) return default_file;
  return std::nullopt;
}

CommandResult<std::optional<station::Station>> apply_station(RunOptions& options,
                                                             const std::set<std::string>& given,
                                                             const std::filesystem::path& default_file) {
  const auto file = station_file_for(options, default_file);
  if (!file) return std::nullopt;
  auto station = station::load_station_file(*file);
  if (!station) return usage_error(station.error().message());
  options.device_file = station->file.string();
  const auto unsaid = [&given](const char* option) { return !given.contains(option); };
  const auto& run = station->run;
  if (run.suites && unsaid("--suites")) options.suites = *run.suites;
  if (run.filter && unsaid("--filter")) options.filter = *run.filter;
  if (run.quick && unsaid("--quick") && unsaid("--full")) options.quick = *run.quick;
  if (run.timeout_per_test_s && unsaid("--timeout-per-test"))
    options.timeout_per_test_s = *run.timeout_per_test_s;
  if (run.expectations && unsaid("--expectations")) options.expectations = *run.expectations;
  if (run.require && unsaid("--require")) options.require = *run.require;
  if (run.max_skips && unsaid("--max-skips")) options.max_skips = *run.max_skips;
  if (!station->dext_bundle_id.empty() && unsaid("--dext")) options.dext_bundle_id = station->dext_bundle_id;
  if (!station->device.allow_data_loss.empty() && unsaid("--allow-data-loss")) {
    options.allow_data_loss = station->device.allow_data_loss;
  }
  return std::optional<station::Station>(std::move(*station));
}

std::map<std::string, std::string> station_properties(const station::Station& station) {
  auto properties = station.report_properties;
  properties["station"] = station.name.empty() ? station.file.string() : station.name;
  return properties;
}

}  // namespace dextqual::runner
