// The station file (README "Station file", every key in fixtures/stations/example.toml): one TOML
// file per test station saying how to find the DUT, which product it is, what only the lab can do
// (the hooks), what to write into every report and what a run does by default. Strict like the fault
// profiles: an unknown table or key, or a value of the wrong type, is an Error that names the key and
// the file, so a typo never silently turns a hook or a match rule off. Relative paths resolve against
// the file's own directory, so a station directory can be copied as a whole.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dextqual::station {

// The hooks a station may give, and nothing else (an unknown name is a typo, not a new hook).
inline constexpr std::string_view kHookNames[] = {"power_cycle", "replug", "reboot", "pre_run", "post_run"};

// The short form `power_cycle = "cmd"` gets this; the long form may say `timeout_s`.
inline constexpr std::chrono::seconds kDefaultHookTimeout{300};

struct HookCommand {
  std::string command;  // run as /bin/sh -c COMMAND
  std::chrono::milliseconds timeout{kDefaultHookTimeout};
};

struct DeviceMatch {
  std::string path;             // a device node or /dev/disk/by-id/... symlink
  std::string serial;           // VPD 80h / the OS's serial property
  std::string wwn;              // VPD 83h NAA designator
  std::string allow_data_loss;  // serial or WWN the destructive tests may overwrite (like the flag)
  // Serials or WWNs of other LUs of the DUT's transport the SCSI suite may write too (the 2 TiB rule
  // on a DUT too small to have the high LBA bits), like --allow-data-loss-other-lu. Each must pass the
  // same gate as the DUT; an LU named nowhere is only ever read.
  std::vector<std::string> allow_data_loss_other_lus;
};

// What `dextqual run` does when its command line does not say otherwise.
struct RunDefaults {
  std::optional<std::vector<std::string>> suites;
  std::optional<std::string> filter;
  std::optional<bool> quick;
  std::optional<double> timeout_per_test_s;
  std::optional<std::string> expectations;          // per-DUT XFAIL file, absolute
  std::optional<std::vector<std::string>> require;  // capabilities the run must cover (--require)
  std::optional<int> max_skips;                     // --max-skips
};

struct Station {
  std::filesystem::path file;  // absolute path of the file read
  std::string name;            // [station] name
  DeviceMatch device;
  std::string product_file;    // [product] file, absolute; empty: none (Identity skips unless --product)
  std::string dext_bundle_id;  // [dext] bundle_id: the DEXT under test, checked [activated enabled] (macOS)
  std::map<std::string, HookCommand> hooks;
  std::map<std::string, std::string> report_properties;  // [report] properties
  RunDefaults run;
};

// Run properties the runner sets itself; a station may not redefine them.
inline constexpr std::string_view kReservedProperties[] = {
    "mode", "filter", "simdext_profile", "resumed_at", "station", "shard", "rerun_failed", "coverage_gate",
    // the DEXT under test, from `systemextensionsctl list` (suites/lib/macos/dext_state.h); other
    // dext.* names, such as dext.build, stay free
    "dext.bundle_id", "dext.version", "dext.state", "dext.team_id", "dext.name", "dext.other_entries"};

// Parses `text` as the station file at `file` (used for messages and for resolving relative paths).
[[nodiscard]] Result<Station> parse_station(std::string_view text, const std::filesystem::path& file);

// Reads and parses the file.
[[nodiscard]] Result<Station> load_station_file(const std::filesystem::path& file);

}  // namespace dextqual::station
