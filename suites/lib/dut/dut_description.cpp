#include "dut/dut_description.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/atomic_file.h"

namespace dextqual {
namespace {

constexpr const char* kSchema = "dextqual-dut/1";

constexpr std::array<std::pair<DutKind, const char*>, 3> kKinds{{
    {DutKind::simdext, "simdext"},
    {DutKind::linux_block, "linux-block"},
    {DutKind::macos_disk, "macos-disk"},
}};
constexpr std::array<std::pair<PassthroughKind, const char*>, 4> kPassthroughKinds{{
    {PassthroughKind::none, "none"},
    {PassthroughKind::simdext_socket, "simdext-socket"},
    {PassthroughKind::sg_io, "sg-io"},
    {PassthroughKind::dext_probe, "dext-probe"},
}};

template <class Enum, size_t N>
Result<Enum> parse_enum(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& text,
                        const char* key) {
  for (const auto& [value, name] : names) {
    if (text == name) {
      return value;
    }
  }
  return fail(std::string("dut.json: key '") + key + "'", "unknown value '" + text + "'");
}

// Reads an optional key with a type check, so a wrong type is a clear error rather than an exception.
template <class T>
Status read_optional(const nlohmann::json& json, const char* key, T& out) {
  auto it = json.find(key);
  if (it == json.end() || it->is_null()) {
    return {};
  }
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("dut.json: key '") + key + "'", e.what());
  }
  return {};
}

}  // namespace

std::string to_string(DutKind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) {
      return name;
    }
  }
  return "unknown";
}

std::string to_string(PassthroughKind kind) {
  for (const auto& [value, name] : kPassthroughKinds) {
    if (value == kind) {
      return name;
    }
  }
  return "unknown";
}

nlohmann::json to_json(const DutDescription& dut) {
  nlohmann::json json = dut.extra;
  json["schema"] = kSchema;
  json["kind"] = to_string(dut.kind);
  json["raw_node"] = dut.raw_node;
  json["buffered_node"] = dut.buffered_node;
  json["passthrough"] = {{"kind", to_string(dut.passthrough.kind)},
                         {"endpoint", dut.passthrough.endpoint},
                         {"target", dut.passthrough.target},
                         {"lun", dut.passthrough.lun}};
  json["identity"] = {{"vendor", dut.identity.vendor},
                      {"product", dut.identity.product},
                      {"revision", dut.identity.revision},
                      {"serial", dut.identity.serial},
                      {"wwn", dut.identity.wwn}};
  json["logical_block_size"] = dut.logical_block_size;
  json["capacity_blocks"] = dut.capacity_blocks;
  json["allow_data_loss"] = dut.allow_data_loss;
  json["writable_other_lus"] = dut.writable_other_lus;
  json["quick"] = dut.quick;
  json["strict"] = dut.strict;
  json["state_dir"] = dut.state_dir;
  json["simdext_state"] = dut.simdext_state;
  json["product_expectations"] = dut.product_expectations;
  json["hooks"] = dut.hooks;
  json["hook_timeouts_s"] = dut.hook_timeouts_s;
  return json;
}

Result<DutDescription> dut_from_json(const nlohmann::json& json) {
  if (!json.is_object()) {
    return fail("dut.json", "top level is not an object");
  }
  std::string schema;
  DQ_TRY(read_optional(json, "schema", schema));
  if (schema != kSchema) {
    return fail("dut.json: key 'schema'", "expected '" + std::string(kSchema) + "', got '" + schema + "'");
  }
  DutDescription dut;
  std::string kind = "linux-block";
  DQ_TRY(read_optional(json, "kind", kind));
  DQ_TRY_ASSIGN(dut.kind, parse_enum(kKinds, kind, "kind"));
  DQ_TRY(read_optional(json, "raw_node", dut.raw_node));
  DQ_TRY(read_optional(json, "buffered_node", dut.buffered_node));
  if (auto it = json.find("passthrough"); it != json.end() && it->is_object()) {
    std::string pt_kind = "none";
    DQ_TRY(read_optional(*it, "kind", pt_kind));
    DQ_TRY_ASSIGN(dut.passthrough.kind, parse_enum(kPassthroughKinds, pt_kind, "passthrough.kind"));
    DQ_TRY(read_optional(*it, "endpoint", dut.passthrough.endpoint));
    DQ_TRY(read_optional(*it, "target", dut.passthrough.target));
    DQ_TRY(read_optional(*it, "lun", dut.passthrough.lun));
  }
  if (auto it = json.find("identity"); it != json.end() && it->is_object()) {
    DQ_TRY(read_optional(*it, "vendor", dut.identity.vendor));
    DQ_TRY(read_optional(*it, "product", dut.identity.product));
    DQ_TRY(read_optional(*it, "revision", dut.identity.revision));
    DQ_TRY(read_optional(*it, "serial", dut.identity.serial));
    DQ_TRY(read_optional(*it, "wwn", dut.identity.wwn));
  }
  DQ_TRY(read_optional(json, "logical_block_size", dut.logical_block_size));
  DQ_TRY(read_optional(json, "capacity_blocks", dut.capacity_blocks));
  DQ_TRY(read_optional(json, "allow_data_loss", dut.allow_data_loss));
  DQ_TRY(read_optional(json, "writable_other_lus", dut.writable_other_lus));
  DQ_TRY(read_optional(json, "quick", dut.quick));
  DQ_TRY(read_optional(json, "strict", dut.strict));
  DQ_TRY(read_optional(json, "state_dir", dut.state_dir));
  DQ_TRY(read_optional(json, "simdext_state", dut.simdext_state));
  DQ_TRY(read_optional(json, "product_expectations", dut.product_expectations));
  DQ_TRY(read_optional(json, "hooks", dut.hooks));
  DQ_TRY(read_optional(json, "hook_timeouts_s", dut.hook_timeouts_s));
  if (dut.logical_block_size == 0 || (dut.logical_block_size & (dut.logical_block_size - 1)) != 0) {
    return fail("dut.json: key 'logical_block_size'",
                "must be a power of two, got " + std::to_string(dut.logical_block_size));
  }
  dut.extra = json;
  for (const char* known :
       {"schema", "kind", "raw_node", "buffered_node", "passthrough", "identity", "logical_block_size",
        "capacity_blocks", "allow_data_loss", "writable_other_lus", "quick", "strict", "state_dir",
        "simdext_state", "product_expectations", "hooks", "hook_timeouts_s"}) {
    dut.extra.erase(known);
  }
  return dut;
}

Result<DutDescription> load_dut(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return fail_errno("open " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return fail("parse " + path, "not valid JSON");
  }
  auto dut = dut_from_json(json);
  if (!dut) {
    return fail(path, dut.error().message());
  }
  return dut;
}

Status save_dut(const std::string& path, const DutDescription& dut) {
  return write_file_atomically(path, to_json(dut).dump(2) + "\n");
}

}  // namespace dextqual
