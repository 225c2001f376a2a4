#include "station/station_file.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "contract/capabilities.h"

namespace dextqual::station {
namespace {

namespace fs = std::filesystem;

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "a date or time";
  }
}

// Every message names the file and the dotted key, with its line, like the fault profiles do.
class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  std::unexpected<Error> error(const std::string& key, const toml::node* node,
                               const std::string& detail) const {
    std::string where = "key '" + key + "'";
    if (node != nullptr && node->source().begin.line != 0) {
      where += " (line " + std::to_string(node->source().begin.line) + ")";
    }
    return fail("station file " + file_.string(), where + ": " + detail);
  }

  Status known_keys(const toml::table& table, const std::string& prefix,
                    const std::vector<std::string_view>& allowed) const {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        std::string known;
        for (const auto name : allowed) known += (known.empty() ? "" : ", ") + std::string(name);
        return fail("station file " + file_.string(),
                    "unknown key '" + prefix + std::string(key.str()) + "' (line " +
                        std::to_string(key.source().begin.line) + "; known here: " + known + ")");
      }
    }
    return {};
  }

  Result<const toml::table*> table(const toml::table& parent, const std::string& prefix,
                                   const char* key) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) return error(prefix + key, node, "expected a table, got " + type_name(*node));
    return node->as_table();
  }

  Status string(const toml::table& table, const std::string& prefix, const char* key,
                std::string& out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return {};
    if (!node->is_string()) return error(prefix + key, node, "expected a string, got " + type_name(*node));
    out = node->value<std::string>().value_or("");
    return {};
  }

  Status path(const toml::table& table, const std::string& prefix, const char* key, std::string& out) const {
    DQ_TRY(string(table, prefix, key, out));
    if (!out.empty()) out = absolute_path(out);
    return {};
  }

  [[nodiscard]] std::string absolute_path(const std::string& text) const {
    const fs::path given(text);
    return given.is_absolute() ? given.string() : (file_.parent_path() / given).lexically_normal().string();
  }

  [[nodiscard]] const fs::path& file() const { return file_; }

 private:
  fs::path file_;
};

Status read_names(const Reader& reader, const toml::table& table, const std::string& dotted_key,
                  std::optional<std::vector<std::string>>& out);

Status read_device(const Reader& reader, const toml::table& table, DeviceMatch& device) {
  DQ_TRY(reader.known_keys(table, "device.",
                           {"path", "serial", "wwn", "allow_data_loss", "allow_data_loss_other_lus"}));
  DQ_TRY(reader.path(table, "device.", "path", device.path));
  DQ_TRY(reader.string(table, "device.", "serial", device.serial));
  DQ_TRY(reader.string(table, "device.", "wwn", device.wwn));
  DQ_TRY(reader.string(table, "device.", "allow_data_loss", device.allow_data_loss));
  std::optional<std::vector<std::string>> other_lus;
  DQ_TRY(read_names(reader, table, "device.allow_data_loss_other_lus", other_lus));
  device.allow_data_loss_other_lus = other_lus.value_or(std::vector<std::string>{});
  return {};
}

// [dext] bundle_id: a reverse-DNS bundle identifier (letters, digits, '.', '-'), as
// `systemextensionsctl list` prints it; anything else could never match and would only fail later.
Status read_dext(const Reader& reader, const toml::table& table, std::string& bundle_id) {
  DQ_TRY(reader.known_keys(table, "dext.", {"bundle_id"}));
  DQ_TRY(reader.string(table, "dext.", "bundle_id", bundle_id));
  const bool valid = !bundle_id.empty() && std::all_of(bundle_id.begin(), bundle_id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
  });
  if (!valid) {
    return reader.error(
        "dext.bundle_id", table.get("bundle_id"),
        "expected the DEXT's bundle identifier (letters, digits, '.' and '-'), got '" + bundle_id + "'");
  }
  return {};
}

Result<HookCommand> read_hook(const Reader& reader, const std::string& key, const toml::node& node) {
  HookCommand hook;
  if (node.is_string()) {
    hook.command = node.value<std::string>().value_or("");
  } else if (const auto* table = node.as_table()) {
    const std::string prefix = key + ".";
    DQ_TRY(reader.known_keys(*table, prefix, {"command", "timeout_s"}));
    DQ_TRY(reader.string(*table, prefix, "command", hook.command));
    if (const toml::node* timeout = table->get("timeout_s")) {
      const auto seconds = timeout->value<double>();  // integers convert too
      if (!seconds || !(timeout->is_integer() || timeout->is_floating_point())) {
        return reader.error(prefix + "timeout_s", timeout,
                            "expected a number of seconds, got " + type_name(*timeout));
      }
      if (*seconds <= 0) return reader.error(prefix + "timeout_s", timeout, "must be more than 0");
      hook.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(*seconds * 1000));
    }
  } else {
    return reader.error(
        key, &node, "expected a command string or a table { command, timeout_s }, got " + type_name(node));
  }
  if (hook.command.empty()) return reader.error(key, &node, "the command is empty");
  return hook;
}

Status read_hooks(const Reader& reader, const toml::table& table, std::map<std::string, HookCommand>& hooks) {
  DQ_TRY(reader.known_keys(table, "hooks.",
                           std::vector<std::string_view>(std::begin(kHookNames), std::end(kHookNames))));
  for (const auto& [name, node] : table) {
    DQ_TRY_ASSIGN(hooks[std::string(name.str())],
                  read_hook(reader, "hooks." + std::string(name.str()), node));
  }
  return {};
}

Status read_report(const Reader& reader, const toml::table& table, std::map<std::string, std::string>& out) {
  DQ_TRY(reader.known_keys(table, "report.", {"properties"}));
  DQ_TRY_ASSIGN(const toml::table* properties, reader.table(table, "report.", "properties"));
  if (properties == nullptr) return {};
  for (const auto& [key, node] : *properties) {
    const std::string name(key.str());
    const std::string dotted = "report.properties." + name;
    if (!node.is_string()) return reader.error(dotted, &node, "expected a string, got " + type_name(node));
    if (std::find(std::begin(kReservedProperties), std::end(kReservedProperties), name) !=
        std::end(kReservedProperties)) {
      return reader.error(dotted, &node, "'" + name + "' is a property the runner sets itself");
    }
    out[name] = node.value<std::string>().value_or("");
  }
  return {};
}

// An array of strings at `dotted_key` ("table.key") of `table`.
Status read_names(const Reader& reader, const toml::table& table, const std::string& dotted_key,
                  std::optional<std::vector<std::string>>& out) {
  const toml::node* node = table.get(dotted_key.substr(dotted_key.find('.') + 1));
  if (node == nullptr) return {};
  const auto* array = node->as_array();
  if (array == nullptr)
    return reader.error(dotted_key, node, "expected an array of names, got " + type_name(*node));
  out.emplace();
  for (const auto& element : *array) {
    if (!element.is_string())
      return reader.error(dotted_key, &element, "expected names (strings), got " + type_name(element));
    out->push_back(element.value<std::string>().value_or(""));
  }
  return {};
}

// run.require names capabilities of contract/capabilities.h, run.max_skips a count (the coverage gate).
Status read_coverage(const Reader& reader, const toml::table& table, RunDefaults& run) {
  DQ_TRY(read_names(reader, table, "run.require", run.require));
  for (const auto& name : run.require.value_or(std::vector<std::string>{})) {
    if (contract::find_capability(name) == nullptr) {
      return reader.error("run.require", table.get("require"),
                          "no capability '" + name + "' (known: " + contract::capability_names() + ")");
    }
  }
  if (const toml::node* node = table.get("max_skips")) {
    if (!node->is_integer() || node->value<std::int64_t>().value_or(-1) < 0)
      return reader.error("run.max_skips", node,
                          "expected a count of tests (0 or more), got " + type_name(*node));
    run.max_skips = static_cast<int>(node->value<std::int64_t>().value_or(0));
  }
  return {};
}

Status read_run(const Reader& reader, const toml::table& table, RunDefaults& run) {
  DQ_TRY(reader.known_keys(
      table, "run.",
      {"suites", "filter", "quick", "timeout_per_test_s", "expectations", "require", "max_skips"}));
  DQ_TRY(read_names(reader, table, "run.suites", run.suites));
  DQ_TRY(read_coverage(reader, table, run));
  if (table.contains("filter")) DQ_TRY(reader.string(table, "run.", "filter", run.filter.emplace()));
  if (const toml::node* node = table.get("quick")) {
    if (!node->is_boolean())
      return reader.error("run.quick", node, "expected true or false, got " + type_name(*node));
    run.quick = node->value<bool>();
  }
  if (const toml::node* node = table.get("timeout_per_test_s")) {
    if (!node->is_integer() && !node->is_floating_point()) {
      return reader.error("run.timeout_per_test_s", node,
                          "expected a number of seconds, got " + type_name(*node));
    }
    run.timeout_per_test_s = node->value<double>();
    if (*run.timeout_per_test_s <= 0)
      return reader.error("run.timeout_per_test_s", node, "must be more than 0");
  }
  if (table.contains("expectations"))
    DQ_TRY(reader.path(table, "run.", "expectations", run.expectations.emplace()));
  return {};
}

}  // namespace

Result<Station> parse_station(std::string_view text, const fs::path& file) {
  const Reader reader(fs::absolute(file).lexically_normal());
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    return fail("station file " + reader.file().string(),
                std::string(e.description()) + " (line " + std::to_string(e.source().begin.line) + ")");
  }
  DQ_TRY(reader.known_keys(root, "", {"station", "device", "product", "dext", "hooks", "report", "run"}));
  Station station;
  station.file = reader.file();
  DQ_TRY_ASSIGN(const toml::table* about, reader.table(root, "", "station"));
  if (about != nullptr) {
    DQ_TRY(reader.known_keys(*about, "station.", {"name"}));
    DQ_TRY(reader.string(*about, "station.", "name", station.name));
  }
  DQ_TRY_ASSIGN(const toml::table* device, reader.table(root, "", "device"));
  if (device != nullptr) DQ_TRY(read_device(reader, *device, station.device));
  DQ_TRY_ASSIGN(const toml::table* product, reader.table(root, "", "product"));
  if (product != nullptr) {
    DQ_TRY(reader.known_keys(*product, "product.", {"file"}));
    DQ_TRY(reader.path(*product, "product.", "file", station.product_file));
  }
  DQ_TRY_ASSIGN(const toml::table* dext, reader.table(root, "", "dext"));
  if (dext != nullptr) DQ_TRY(read_dext(reader, *dext, station.dext_bundle_id));
  DQ_TRY_ASSIGN(const toml::table* hooks, reader.table(root, "", "hooks"));
  if (hooks != nullptr) DQ_TRY(read_hooks(reader, *hooks, station.hooks));
  DQ_TRY_ASSIGN(const toml::table* report, reader.table(root, "", "report"));
  if (report != nullptr) DQ_TRY(read_report(reader, *report, station.report_properties));
  DQ_TRY_ASSIGN(const toml::table* run, reader.table(root, "", "run"));
  if (run != nullptr) DQ_TRY(read_run(reader, *run, station.run));
  return station;
}

Result<Station> load_station_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail_errno("read station file " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  return parse_station(text.str(), file);
}

}  // namespace dextqual::station
