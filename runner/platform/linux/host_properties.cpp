#include "runner/host_properties.h"

#include <fstream>
#include <regex>

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

std::string first_line_of(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string link_name(const fs::path& link) {
  std::error_code ec;
  const auto target = fs::read_symlink(link, ec);
  return ec ? std::string() : target.filename().string();
}

// os-release(5): KEY=value lines, the value optionally quoted.
std::string os_release_value(const std::string& key) {
  for (const char* file : {"/etc/os-release", "/usr/lib/os-release"}) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      if (!line.starts_with(key + "=")) continue;
      auto value = line.substr(key.size() + 1);
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
        value = value.substr(1, value.size() - 2);
      return value;
    }
  }
  return {};
}

// A driver's module and its version: MODULE_VERSION when the module declares one (megaraid_sas does),
// else srcversion (a checksum of its source, which still tells two builds apart). A built-in driver
// has no module link: then the kernel release is its version.
void add_module(PropertyMap& properties, const std::string& prefix, const fs::path& driver_dir,
                const fs::path& sysfs) {
  const auto module = link_name(driver_dir / "module");
  if (module.empty()) {
    properties[prefix + ".module"] = "(built into the kernel)";
    return;
  }
  properties[prefix + ".module"] = module;
  auto version = first_line_of(sysfs / "module" / module / "version");
  if (version.empty()) {
    const auto source = first_line_of(sysfs / "module" / module / "srcversion");
    if (!source.empty()) version = "srcversion " + source;
  }
  if (!version.empty()) properties[prefix + ".version"] = version;
}

}  // namespace

PropertyMap host_os_properties() {
  auto properties = kernel_properties();
  properties["os.name"] = os_release_value("PRETTY_NAME");
  properties["os.version"] = os_release_value("VERSION_ID");
  return properties;
}

PropertyMap driver_properties(const fs::path& block_node, const fs::path& sysfs) {
  PropertyMap properties;
  std::error_code ec;
  const auto node = fs::canonical(block_node, ec);
  if (ec) return properties;
  const auto block_dir = sysfs / "block" / node.filename();
  if (!fs::exists(block_dir, ec)) return properties;
  if (!fs::exists(block_dir / "device", ec)) {
    // A loop device (simdext's, or a plain file) has no device behind it: the loop driver (block major 7,
    // LOOP_MAJOR) is the driver.
    if (first_line_of(block_dir / "dev").starts_with("7:")) properties["driver.block"] = "loop";
    return properties;
  }
  const auto device = fs::canonical(block_dir / "device", ec);
  if (ec) return properties;
  if (const auto block_driver = link_name(device / "driver"); !block_driver.empty()) {
    properties["driver.block"] = block_driver;
    add_module(properties, "driver.block", device / "driver", sysfs);
  }
  // Up from the disk: the SCSI host (hostN) names its HBA driver in proc_name; the host's parent (the
  // PCI function, the virtio device) is bound to that driver, whose module says the version.
  static const std::regex scsi_host("host[0-9]+");
  const auto devices_root = fs::canonical(sysfs / "devices", ec);
  bool below_host = false;
  for (auto dir = device; !dir.empty() && dir != devices_root && dir != dir.root_path();
       dir = dir.parent_path()) {
    const auto name = dir.filename().string();
    if (!below_host && std::regex_match(name, scsi_host)) {
      below_host = true;
      const auto proc_name = first_line_of(sysfs / "class" / "scsi_host" / name / "proc_name");
      if (!proc_name.empty()) properties["driver.hba"] = proc_name;
      continue;
    }
    if (below_host && fs::exists(dir / "driver", ec)) {
      const auto driver = link_name(dir / "driver");
      if (!properties.contains("driver.hba")) properties["driver.hba"] = driver;
      add_module(properties, "driver.hba", dir / "driver", sysfs);
      properties["driver.hba.device"] = name;
      break;
    }
  }
  return properties;
}

}  // namespace dextqual::runner
