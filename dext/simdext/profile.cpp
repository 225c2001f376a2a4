#include "profile.h"

#include "fault_scope.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cstdio>
#include <set>

#include "profile_base.h"

namespace simdext {
namespace {

using Error = std::unexpected<std::string>;

std::expected<void, std::string> check_keys(const toml::table& table, const std::string& where,
                                            const std::set<std::string>& allowed) {
  for (const auto& [key, value] : table) {
    if (allowed.count(std::string(key.str())) == 0) {
      return Error(where + ": unknown key '" + std::string(key.str()) + "'");
    }
  }
  return {};
}

std::expected<std::optional<uint64_t>, std::string> get_size(const toml::table& t, const char* key,
                                                             const std::string& where) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    return std::optional<uint64_t>{};
  }
  if (auto i = node->value<int64_t>()) {
    if (*i < 0) {
      return Error(where + "." + key + ": negative");
    }
    return std::optional<uint64_t>(static_cast<uint64_t>(*i));
  }
  if (auto s = node->value<std::string>()) {
    auto size = parse_size(*s);
    if (!size) {
      return Error(where + "." + key + ": " + size.error());
    }
    return std::optional<uint64_t>(*size);
  }
  return Error(where + "." + key + ": expected an integer or a size string");
}

template <typename T>
std::expected<void, std::string> set_size(const toml::table& t, const char* key, const std::string& where,
                                          T& out) {
  auto v = get_size(t, key, where);
  if (!v) {
    return Error(v.error());
  }
  if (*v) {
    out = static_cast<T>(**v);
  }
  return {};
}

std::expected<void, std::string> set_optional(const toml::table& t, const char* key, const std::string& where,
                                              std::optional<uint64_t>& out) {
  auto v = get_size(t, key, where);
  if (!v) {
    return Error(v.error());
  }
  if (*v) {
    out = **v;
  }
  return {};
}

void set_string(const toml::table& t, const char* key, std::string& out) {
  if (auto s = t[key].value<std::string>()) {
    out = *s;
  }
}

void set_bool(const toml::table& t, const char* key, bool& out) {
  if (auto b = t[key].value<bool>()) {
    out = *b;
  }
}

#define SIMDEXT_TRY(expr)        \
  do {                           \
    if (auto r_ = (expr); !r_) { \
      return Error(r_.error());  \
    }                            \
  } while (0)

std::expected<LuConfig, std::string> parse_lu(const toml::table& t, uint64_t target,
                                              const std::string& where) {
  SIMDEXT_TRY(
      check_keys(t, where,
                 {"id", "block_size", "capacity", "capacity_blocks", "physical_block_exponent", "cache",
                  "cache_size", "write_cache_enabled", "removable", "rotation_rate", "max_transfer_blocks",
                  "optimal_transfer_blocks", "vendor", "product", "revision", "serial", "wwn"}));
  LuConfig lu;
  SIMDEXT_TRY(set_size(t, "id", where, lu.id));
  SIMDEXT_TRY(set_size(t, "block_size", where, lu.block_size));
  if (lu.block_size != 512 && lu.block_size != 4096) {
    return Error(where + ".block_size: 512 or 4096");
  }
  uint64_t capacity = 0;
  SIMDEXT_TRY(set_size(t, "capacity", where, capacity));
  lu.capacity_blocks = capacity / lu.block_size;
  SIMDEXT_TRY(set_size(t, "capacity_blocks", where, lu.capacity_blocks));
  if (lu.capacity_blocks == 0) {
    return Error(where + ": capacity or capacity_blocks is required");
  }
  SIMDEXT_TRY(set_size(t, "physical_block_exponent", where, lu.physical_block_exponent));
  const std::string cache = t["cache"].value_or(std::string("volatile"));
  if (cache == "volatile") {
    lu.cache = CacheMode::volatile_cache;
  } else if (cache == "none") {
    lu.cache = CacheMode::none;
  } else if (cache == "protected") {
    lu.cache = CacheMode::protected_cache;
  } else {
    return Error(where + ".cache: volatile, none or protected");
  }
  SIMDEXT_TRY(set_size(t, "cache_size", where, lu.cache_bytes));
  set_bool(t, "write_cache_enabled", lu.write_cache_enabled);
  set_bool(t, "removable", lu.removable);
  SIMDEXT_TRY(set_size(t, "rotation_rate", where, lu.rotation_rate));
  SIMDEXT_TRY(set_size(t, "max_transfer_blocks", where, lu.max_transfer_blocks));
  SIMDEXT_TRY(set_size(t, "optimal_transfer_blocks", where, lu.optimal_transfer_blocks));
  set_string(t, "vendor", lu.identity.vendor);
  set_string(t, "product", lu.identity.product);
  set_string(t, "revision", lu.identity.revision);
  set_string(t, "serial", lu.identity.serial);
  set_string(t, "wwn", lu.identity.wwn);
  char buffer[64];
  if (lu.identity.serial.empty()) {
    std::snprintf(buffer, sizeof buffer, "SIMT%02lluL%02llu", static_cast<unsigned long long>(target),
                  static_cast<unsigned long long>(lu.id));
    lu.identity.serial = buffer;
  }
  if (lu.identity.wwn.empty()) {
    // NAA 5 (IEEE Registered), a made-up OUI 0DEC0A, vendor-specific = target/LUN.
    std::snprintf(buffer, sizeof buffer, "50dec0a%04llx%05llx",
                  static_cast<unsigned long long>(target & 0xFFFF),
                  static_cast<unsigned long long>(lu.id & 0xFFFFF));
    lu.identity.wwn = buffer;
  }
  if (lu.identity.wwn.rfind("0x", 0) == 0) {
    lu.identity.wwn = lu.identity.wwn.substr(2);
  }
  std::transform(lu.identity.wwn.begin(), lu.identity.wwn.end(), lu.identity.wwn.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lu.identity.wwn.size() != 16 ||
      lu.identity.wwn.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Error(where + ".wwn: 16 hex digits (an 8-byte NAA identifier)");
  }
  return lu;
}

std::expected<FaultRule, std::string> parse_rule(const toml::table& t, size_t index) {
  const std::string where = "rule[" + std::to_string(index) + "]";
  SIMDEXT_TRY(check_keys(
      t, where,
      {"name",     "action",  "seed",       "comment",    "opcodes",     "target", "lun",
       "lba_min",  "lba_max", "length_min", "length_max", "direction",   "source", "dirty_above",
       "events",   "after",   "every",      "once",       "probability", "bits",   "delta",
       "delay_ms", "sectors", "status",     "sense_key",  "asc",         "ascq",   "delivery_failure"}));
  FaultRule r;
  r.name = t["name"].value_or(where);
  const auto action_name = t["action"].value<std::string>();
  if (!action_name) {
    return Error(where + ": 'action' is required");
  }
  auto action = parse_fault_action(*action_name);
  if (!action) {
    return Error(where + ".action: unknown action '" + *action_name + "'");
  }
  r.action = *action;
  SIMDEXT_TRY(set_size(t, "seed", where, r.seed));
  if (const toml::array* ops = t["opcodes"].as_array()) {
    for (const auto& op : *ops) {
      auto v = op.value<int64_t>();
      if (!v || *v < 0 || *v > 255) {
        return Error(where + ".opcodes: integers 0..255");
      }
      r.match.opcodes.push_back(static_cast<uint8_t>(*v));
    }
  }
  SIMDEXT_TRY(set_optional(t, "target", where, r.match.target));
  SIMDEXT_TRY(set_optional(t, "lun", where, r.match.lun));
  SIMDEXT_TRY(set_optional(t, "lba_min", where, r.match.lba_min));
  SIMDEXT_TRY(set_optional(t, "lba_max", where, r.match.lba_max));
  SIMDEXT_TRY(set_optional(t, "length_min", where, r.match.length_min));
  SIMDEXT_TRY(set_optional(t, "length_max", where, r.match.length_max));
  SIMDEXT_TRY(set_optional(t, "dirty_above", where, r.match.dirty_above));
  if (auto d = t["direction"].value<std::string>()) {
    if (*d == "none") {
      r.match.direction = TransferDirection::none;
    } else if (*d == "write") {
      r.match.direction = TransferDirection::host_to_target;
    } else if (*d == "read") {
      r.match.direction = TransferDirection::target_to_host;
    } else {
      return Error(where + ".direction: none, read or write");
    }
  }
  if (auto s = t["source"].value<std::string>()) {
    if (*s == "block") {
      r.match.source = Initiator::host;
    } else if (*s == "passthrough") {
      r.match.source = Initiator::passthrough;
    } else {
      return Error(where + ".source: block or passthrough");
    }
  }
  static const std::set<std::string> kEvents = {"detach",  "attach", "eject", "power-cut",
                                                "restart", "reset",  "stop"};
  if (const toml::array* events = t["events"].as_array()) {
    for (const auto& e : *events) {
      auto v = e.value<std::string>();
      if (!v || kEvents.count(*v) == 0) {
        return Error(where + ".events: detach, attach, eject, power-cut, restart, reset, stop");
      }
      r.match.events.push_back(*v);
    }
  }
  SIMDEXT_TRY(set_size(t, "after", where, r.match.after));
  SIMDEXT_TRY(set_size(t, "every", where, r.match.every));
  set_bool(t, "once", r.match.once);
  r.match.probability = t["probability"].value_or(1.0);
  SIMDEXT_TRY(set_size(t, "bits", where, r.bits));
  r.delta = t["delta"].value_or(int64_t{0});
  SIMDEXT_TRY(set_size(t, "delay_ms", where, r.delay_ms));
  SIMDEXT_TRY(set_size(t, "sectors", where, r.sectors));
  SIMDEXT_TRY(set_size(t, "status", where, r.status));
  SIMDEXT_TRY(set_size(t, "sense_key", where, r.sense_key));
  SIMDEXT_TRY(set_size(t, "asc", where, r.asc));
  SIMDEXT_TRY(set_size(t, "ascq", where, r.ascq));
  SIMDEXT_TRY(set_size(t, "delivery_failure", where, r.delivery_failure));
  if (r.action == FaultAction::truncate_lba && (!t.contains("bits") || r.bits == 0 || r.bits > 63)) {
    return Error(where + ".bits: truncate_lba needs the LBA bits kept, 1..63");
  }
  return r;
}

}  // namespace

const LuConfig* Profile::find_lu(uint64_t target, uint64_t lun) const {
  for (const TargetConfig& t : targets) {
    if (t.id != target) {
      continue;
    }
    for (const LuConfig& lu : t.luns) {
      if (lu.id == lun) {
        return &lu;
      }
    }
  }
  return nullptr;
}

std::expected<uint64_t, std::string> parse_size(const std::string& text) {
  size_t used = 0;
  uint64_t value = 0;
  try {
    value = std::stoull(text, &used, 0);
  } catch (...) {
    return Error("not a size: '" + text + "'");
  }
  std::string unit = text.substr(used);
  unit.erase(0, unit.find_first_not_of(' '));
  static const std::pair<const char*, uint64_t> kUnits[] = {{"", 1},           {"B", 1},
                                                            {"K", 1ull << 10}, {"KiB", 1ull << 10},
                                                            {"M", 1ull << 20}, {"MiB", 1ull << 20},
                                                            {"G", 1ull << 30}, {"GiB", 1ull << 30},
                                                            {"T", 1ull << 40}, {"TiB", 1ull << 40}};
  for (const auto& [name, factor] : kUnits) {
    if (unit == name) {
      return value * factor;
    }
  }
  return Error("unknown unit '" + unit + "' (B, KiB, MiB, GiB, TiB)");
}

std::expected<Profile, std::string> parse_profile(const std::string& text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Error(path + ": " + std::string(e.description()));
  }
  auto resolved = resolve_base(std::move(root), path);
  if (!resolved) {
    return Error(resolved.error());
  }
  root = std::move(*resolved);
  SIMDEXT_TRY(check_keys(root, path, {"profile", "controller", "dut", "target", "rule", "selftest"}));
  Profile p;
  p.path = path;
  if (const toml::table* meta = root["profile"].as_table()) {
    SIMDEXT_TRY(check_keys(*meta, "profile", {"name", "description", "field_report"}));
    set_string(*meta, "name", p.name);
    set_string(*meta, "description", p.description);
  }
  if (const toml::table* c = root["controller"].as_table()) {
    SIMDEXT_TRY(check_keys(*c, "controller",
                           {"max_transfer_size", "dma_alignment", "dma_address_bits", "dma_segment_bits",
                            "maximum_task_count", "constraints", "protocol"}));
    SIMDEXT_TRY(set_size(*c, "max_transfer_size", "controller", p.controller.max_transfer_size));
    SIMDEXT_TRY(set_size(*c, "dma_alignment", "controller", p.controller.dma_alignment));
    SIMDEXT_TRY(set_size(*c, "dma_address_bits", "controller", p.controller.dma_address_bits));
    SIMDEXT_TRY(set_size(*c, "maximum_task_count", "controller", p.controller.maximum_task_count));
    SIMDEXT_TRY(set_size(*c, "dma_segment_bits", "controller", p.controller.dma_segment_bits));
    if (p.controller.dma_segment_bits != 32 && p.controller.dma_segment_bits != 64) {
      return Error("controller.dma_segment_bits: 32 or 64");
    }
    if (const toml::table* k = (*c)["constraints"].as_table()) {
      const std::string w = "controller.constraints";
      Constraints& cs = p.controller.constraints;
      SIMDEXT_TRY(
          check_keys(*k, w,
                     {"max_segment_count_read", "max_segment_count_write", "max_segment_byte_count_read",
                      "max_segment_byte_count_write", "max_byte_count_read", "max_byte_count_write",
                      "max_block_count_read", "max_block_count_write", "min_segment_alignment",
                      "segment_addressable_bits", "hba_data_alignment_mask"}));
      SIMDEXT_TRY(set_optional(*k, "max_segment_count_read", w, cs.max_segment_count_read));
      SIMDEXT_TRY(set_optional(*k, "max_segment_count_write", w, cs.max_segment_count_write));
      SIMDEXT_TRY(set_optional(*k, "max_segment_byte_count_read", w, cs.max_segment_byte_count_read));
      SIMDEXT_TRY(set_optional(*k, "max_segment_byte_count_write", w, cs.max_segment_byte_count_write));
      SIMDEXT_TRY(set_optional(*k, "max_byte_count_read", w, cs.max_byte_count_read));
      SIMDEXT_TRY(set_optional(*k, "max_byte_count_write", w, cs.max_byte_count_write));
      SIMDEXT_TRY(set_optional(*k, "max_block_count_read", w, cs.max_block_count_read));
      SIMDEXT_TRY(set_optional(*k, "max_block_count_write", w, cs.max_block_count_write));
      SIMDEXT_TRY(set_optional(*k, "min_segment_alignment", w, cs.min_segment_alignment));
      SIMDEXT_TRY(set_optional(*k, "segment_addressable_bits", w, cs.segment_addressable_bits));
      SIMDEXT_TRY(set_optional(*k, "hba_data_alignment_mask", w, cs.hba_data_alignment_mask));
    }
    if (const toml::table* pc = (*c)["protocol"].as_table()) {
      SIMDEXT_TRY(
          check_keys(*pc, "controller.protocol",
                     {"physical_interconnect", "physical_interconnect_location", "scsi_domain_identifier"}));
      set_string(*pc, "physical_interconnect", p.controller.protocol.physical_interconnect);
      set_string(*pc, "physical_interconnect_location", p.controller.protocol.physical_interconnect_location);
      SIMDEXT_TRY(set_size(*pc, "scsi_domain_identifier", "controller.protocol",
                           p.controller.protocol.scsi_domain_identifier));
    }
  }
  if (const toml::array* targets = root["target"].as_array()) {
    for (size_t i = 0; i < targets->size(); ++i) {
      const toml::table* t = (*targets)[i].as_table();
      const std::string where = "target[" + std::to_string(i) + "]";
      if (t == nullptr) {
        return Error(where + ": expected a table");
      }
      SIMDEXT_TRY(check_keys(*t, where, {"id", "lun"}));
      TargetConfig target;
      SIMDEXT_TRY(set_size(*t, "id", where, target.id));
      if (const toml::array* luns = (*t)["lun"].as_array()) {
        for (size_t j = 0; j < luns->size(); ++j) {
          const toml::table* l = (*luns)[j].as_table();
          if (l == nullptr) {
            return Error(where + ".lun: expected tables");
          }
          auto lu = parse_lu(*l, target.id, where + ".lun[" + std::to_string(j) + "]");
          if (!lu) {
            return Error(lu.error());
          }
          target.luns.push_back(*lu);
        }
      }
      p.targets.push_back(std::move(target));
    }
  }
  if (p.targets.empty()) {
    return Error(path + ": at least one [[target]] with a [[target.lun]] is required");
  }
  if (const toml::table* dut = root["dut"].as_table()) {
    SIMDEXT_TRY(check_keys(*dut, "dut", {"target", "lun", "product"}));
    set_string(*dut, "product", p.dut_product);
    SIMDEXT_TRY(set_size(*dut, "target", "dut", p.dut_target));
    SIMDEXT_TRY(set_size(*dut, "lun", "dut", p.dut_lun));
  }
  if (p.find_lu(p.dut_target, p.dut_lun) == nullptr) {
    return Error(path + ": [dut] names a target/LUN the profile does not define");
  }
  if (const toml::array* rules = root["rule"].as_array()) {
    for (size_t i = 0; i < rules->size(); ++i) {
      const toml::table* t = (*rules)[i].as_table();
      if (t == nullptr) {
        return Error("rule[" + std::to_string(i) + "]: expected a table");
      }
      auto rule = parse_rule(*t, i);
      if (!rule) {
        return Error(rule.error());
      }
      SIMDEXT_TRY(check_rule_scope(*rule, "rule[" + std::to_string(i) + "]", p));
      p.rules.push_back(*rule);
    }
  }
  if (p.name.empty()) {
    p.name = path.substr(path.find_last_of('/') + 1);
  }
  return p;
}

std::expected<Profile, std::string> load_profile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Error("cannot open profile " + path);
  }
  std::string text;
  char chunk[4096];
  size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) {
    text.append(chunk, n);
  }
  std::fclose(f);
  return parse_profile(text, path);
}

}  // namespace simdext
