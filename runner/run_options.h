// What `dextqual run` was asked to do. Kept in the journal's "run" event, so `resume` continues with
// exactly the same device, suites, filter, sizes and timeouts.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dextqual::runner {

struct RunOptions {
  std::string sim_profile;      // --sim: a path or a name under fixtures/faults; default clean.toml
  std::string device;           // --device PATH (real hardware)
  std::string device_file;      // --device-file station.toml
  std::string allow_data_loss;  // --allow-data-loss=<serial or WWN>
  std::vector<std::string> allow_data_loss_other_lus;  // --allow-data-loss-other-lu (repeatable)
  bool no_dut = false;              // --no-dut: no device at all (harness tests, fake suites)
  std::string dext_bundle_id;       // --dext / [dext] bundle_id: must be [activated enabled] (dext_check.h)
  std::vector<std::string> suites;  // --suites; empty: every suite found
  std::string filter;               // --filter, gtest syntax
  std::map<std::string, std::string> suite_filters;  // per suite, on top of --filter (selftest)
  bool quick = false;                                // --quick (default --full)
  bool strict = false;  // --strict: a *should* deviation of the standards fails (default: WARN)
  std::string report_dir = "dextqual-report";
  std::string state_dir;  // --state; default <report_dir>/state
  double timeout_per_test_s = 600;
  double heartbeat_s = 60;   // --heartbeat: seconds between "still running" lines in a CI log (0: none)
  std::string baseline;      // --baseline summary.json of an earlier run
  std::string expectations;  // --expectations per-DUT file
  // --fault-profile: the DUT misbehaves by this simdext fault profile (simdext as the drive behind a real
  // driver, ci/qemu-qualify.sh --sim): the run is judged raw, expectations apply only with under_profiles.
  // --sim with a profile that injects faults says the same by itself.
  std::string fault_profile;
  // --product: the product expectations file (fixtures/products/) the Identity tests compare the DUT
  // with; over the station's [product] file and a simdext profile's [dut] product.
  std::string product;
  std::vector<std::string> require;  // --require capabilities (coverage_gate.h)
  int max_skips = -1;                // --max-skips; -1: no limit
  std::string shard;                 // --shard i/n (shard.h); empty: the whole plan
  std::string rerun_failed;          // --rerun-failed summary.json (rerun_selection.h), for the record
  // --property key=value, for the reports. Not journaled here: they are in the run event's properties.
  std::vector<std::string> properties;
  // [[ATTACHMENT|...]] prefix: the report directory as the user spelled it (CI resolves attachments
  // relative to its checkout), kept when the journal stores report_dir as an absolute path.
  std::string attachment_prefix;

  [[nodiscard]] std::string effective_state_dir() const {
    return state_dir.empty() ? report_dir + "/state" : state_dir;
  }
};

[[nodiscard]] nlohmann::json to_json(const RunOptions& options);
[[nodiscard]] RunOptions run_options_from_json(const nlohmann::json& json);

}  // namespace dextqual::runner
