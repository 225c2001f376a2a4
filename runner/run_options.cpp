#include "runner/run_options.h"

namespace dextqual::runner {

nlohmann::json to_json(const RunOptions& o) {
  return {{"sim_profile", o.sim_profile},
          {"device", o.device},
          {"device_file", o.device_file},
          {"allow_data_loss", o.allow_data_loss},
          {"allow_data_loss_other_lus", o.allow_data_loss_other_lus},
          {"no_dut", o.no_dut},
          {"dext_bundle_id", o.dext_bundle_id},
          {"suites", o.suites},
          {"filter", o.filter},
          {"suite_filters", o.suite_filters},
          {"quick", o.quick},
          {"strict", o.strict},
          {"report_dir", o.report_dir},
          {"state_dir", o.state_dir},
          {"timeout_per_test_s", o.timeout_per_test_s},
          {"heartbeat_s", o.heartbeat_s},
          {"baseline", o.baseline},
          {"expectations", o.expectations},
          {"fault_profile", o.fault_profile},
          {"product", o.product},
          {"require", o.require},
          {"max_skips", o.max_skips},
          {"shard", o.shard},
          {"rerun_failed", o.rerun_failed},
          {"attachment_prefix", o.attachment_prefix}};
}

RunOptions run_options_from_json(const nlohmann::json& j) {
  RunOptions o;
  o.sim_profile = j.value("sim_profile", "");
  o.device = j.value("device", "");
  o.device_file = j.value("device_file", "");
  o.allow_data_loss = j.value("allow_data_loss", "");
  o.allow_data_loss_other_lus = j.value("allow_data_loss_other_lus", std::vector<std::string>{});
  o.no_dut = j.value("no_dut", false);
  o.dext_bundle_id = j.value("dext_bundle_id", "");
  o.suites = j.value("suites", std::vector<std::string>{});
  o.filter = j.value("filter", "");
  o.suite_filters = j.value("suite_filters", std::map<std::string, std::string>{});
  o.quick = j.value("quick", false);
  o.strict = j.value("strict", false);
  o.report_dir = j.value("report_dir", "dextqual-report");
  o.state_dir = j.value("state_dir", "");
  o.timeout_per_test_s = j.value("timeout_per_test_s", 600.0);
  o.heartbeat_s = j.value("heartbeat_s", 60.0);
  o.baseline = j.value("baseline", "");
  o.expectations = j.value("expectations", "");
  o.fault_profile = j.value("fault_profile", "");
  o.product = j.value("product", "");
  o.require = j.value("require", std::vector<std::string>{});
  o.max_skips = j.value("max_skips", -1);
  o.shard = j.value("shard", "");
  o.rerun_failed = j.value("rerun_failed", "");
  o.attachment_prefix = j.value("attachment_prefix", "");
  return o;
}

}  // namespace dextqual::runner
