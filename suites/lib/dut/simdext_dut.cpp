#include "dut/simdext_dut.h"

#include <fstream>
#include <sstream>

namespace dextqual {

Result<DutDescription> dut_from_simdext(const std::string& state_dir) {
  const std::string path = state_dir + "/simdext.json";
  std::ifstream in(path);
  if (!in) {
    return fail_errno("open " + path, errno, "is simdext running with --state " + state_dir + "?");
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return fail("parse " + path, "not a JSON object");
  }
  if (json.value("schema", "") != "simdext/1") {
    return fail("parse " + path, "schema is not simdext/1");
  }
  try {
    DutDescription dut;
    dut.kind = DutKind::simdext;
    dut.raw_node = json.at("block_device").get<std::string>();
    dut.buffered_node = dut.raw_node;
    dut.passthrough.kind = PassthroughKind::simdext_socket;
    dut.passthrough.endpoint = json.at("control_socket").get<std::string>();
    if (auto it = json.find("dut"); it != json.end()) {
      dut.passthrough.target = it->value("target", uint64_t{0});
      dut.passthrough.lun = it->value("lun", uint64_t{0});
    }
    if (auto it = json.find("identity"); it != json.end()) {
      dut.identity.vendor = it->value("vendor", "");
      dut.identity.product = it->value("product", "");
      dut.identity.revision = it->value("revision", "");
      dut.identity.serial = it->value("serial", "");
      dut.identity.wwn = it->value("wwn", "");
    }
    dut.logical_block_size = json.at("logical_block_size").get<uint32_t>();
    dut.capacity_blocks = json.at("capacity_blocks").get<uint64_t>();
    dut.simdext_state = state_dir;
    // The product the profile's DUT is meant to be ([dut] product): the run's Identity expectations,
    // by name (resolved in the fixtures' products/ folder, scsi/product_expectations.h).
    dut.product_expectations = json.value("product", "");
    dut.extra["simdext"] = json;
    return dut;
  } catch (const nlohmann::json::exception& e) {
    return fail("parse " + path, e.what());
  }
}

}  // namespace dextqual
