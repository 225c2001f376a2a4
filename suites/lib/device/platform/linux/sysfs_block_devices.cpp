// Device-mapper and MD holders count as "in use" through a device's holders/ directory.
#include "device/platform/linux/sysfs_block_devices.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "contract/run_contract.h"
#include "device/identity.h"

namespace dextqual::device {
namespace linux_sysfs {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The first line of a sysfs attribute without its padding (SCSI vendor/model are space-padded).
std::string read_line(const fs::path& path) {
  static constexpr std::string_view kBlanks{" \t\r\0", 4};
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const auto first = line.find_first_not_of(kBlanks);
  if (first == std::string::npos) return {};
  return line.substr(first, line.find_last_not_of(kBlanks) - first + 1);
}

template <typename Number>
Number read_number(const fs::path& path, Number otherwise) {
  const auto text = read_line(path);
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : otherwise;
}

// A loop device served by simdext is backed by <state>/fuse/<file>; its identity is the simulated LU's.
void identify_loop(const fs::path& sys_dir, BlockDevice& device) {
  const auto backing = read_line(sys_dir / "loop" / "backing_file");
  if (backing.empty()) return;
  device.backing_file = backing;
  for (fs::path dir = fs::path(backing).parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    std::ifstream in(dir / "simdext.json");
    if (!in) continue;
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || json.value("block_device", "") != device.node) break;
    const auto identity = json.value("identity", nlohmann::json::object());
    device.identity = {identity.value("vendor", ""), identity.value("product", ""),
                       identity.value("revision", ""), identity.value("serial", ""),
                       identity.value("wwn", "")};
    device.identity_source = "simdext";
    device.simdext_state = dir.string();
    return;
  }
  // A plain loop device has no serial; the file behind it is what identifies it.
  device.identity.serial = contract::loop_device_serial(backing);
  device.identity.product = "loop device";
  device.identity_source = "loop backing file";
}

void identify(const fs::path& sys_dir, BlockDevice& device) {
  if (device.name.starts_with("loop")) return identify_loop(sys_dir, device);
  const auto scsi = sys_dir / "device";
  device.identity.vendor = read_line(scsi / "vendor");
  device.identity.product = read_line(scsi / "model");
  device.identity.revision = read_line(scsi / "rev");
  device.identity.serial = serial_from_vpd80(read_file(scsi / "vpd_pg80"));
  if (device.identity.serial.empty()) device.identity.serial = read_line(sys_dir / "serial");  // virtio
  if (device.identity.serial.empty()) device.identity.serial = read_line(scsi / "serial");     // NVMe
  auto wwid = read_line(scsi / "wwid");
  if (wwid.empty()) wwid = read_line(sys_dir / "wwid");
  device.identity.wwn = normalize_wwn(wwid);
  device.identity_source = "sysfs";
  device.scsi = fs::exists(scsi / "scsi_device");
}

// mountinfo escapes space, tab, newline and backslash in paths as \ooo.
std::string unescape_mount_field(const std::string& field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    unsigned value = 0;
    if (field[i] == '\\' && i + 3 < field.size() &&
        std::sscanf(field.substr(i + 1, 3).c_str(), "%3o", &value) == 1) {
      out += static_cast<char>(value);
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

}  // namespace

Result<std::vector<BlockDevice>> list_block_devices(const fs::path& sys) {
  std::vector<BlockDevice> devices;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(sys / "class" / "block", ec)) {
    std::error_code entry_error;
    const auto sys_dir = fs::canonical(entry.path(), entry_error);
    if (entry_error) continue;  // vanished while listing
    BlockDevice device;
    device.name = entry.path().filename().string();
    device.node = "/dev/" + device.name;
    device.is_partition = fs::exists(sys_dir / "partition");
    device.disk = device.is_partition ? sys_dir.parent_path().filename().string() : device.name;
    device.size_bytes = read_number<std::uint64_t>(sys_dir / "size", 0) * 512;  // 512-byte sectors always
    if (device.is_partition) {
      device.partition_number = read_number<std::uint32_t>(sys_dir / "partition", 0);
      device.start_bytes = read_number<std::uint64_t>(sys_dir / "start", 0) * 512;
    }
    const auto disk_dir = device.is_partition ? sys_dir.parent_path() : sys_dir;
    device.logical_block_size = read_number<std::uint32_t>(disk_dir / "queue" / "logical_block_size", 512);
    device.read_only = read_number<int>(sys_dir / "ro", 0) != 0;
    if (!device.is_partition) identify(sys_dir, device);
    for (const auto& holder : fs::directory_iterator(sys_dir / "holders", entry_error)) {
      device.holders.push_back(holder.path().filename().string());
    }
    devices.push_back(std::move(device));
  }
  if (ec) return fail_errno("list " + (sys / "class" / "block").string(), ec.value());
  return devices;
}

Result<std::vector<Mount>> list_mounts(const fs::path& sys, const fs::path& proc) {
  std::map<dev_t, std::string> by_number;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(sys / "class" / "block", ec)) {
    unsigned major_number = 0;
    unsigned minor_number = 0;
    if (std::sscanf(read_line(entry.path() / "dev").c_str(), "%u:%u", &major_number, &minor_number) == 2) {
      by_number[makedev(major_number, minor_number)] = entry.path().filename().string();
    }
  }
  std::vector<Mount> mounts;
  std::ifstream info(proc / "self" / "mountinfo");
  if (!info) return fail_errno("open " + (proc / "self" / "mountinfo").string());
  std::string line;
  while (std::getline(info, line)) {
    // "<id> <parent> <major:minor> <root> <mount point> ..."
    std::istringstream fields(line);
    std::string id, parent, numbers, root, mount_point;
    fields >> id >> parent >> numbers >> root >> mount_point;
    unsigned major_number = 0;
    unsigned minor_number = 0;
    if (std::sscanf(numbers.c_str(), "%u:%u", &major_number, &minor_number) != 2) continue;
    if (auto it = by_number.find(makedev(major_number, minor_number)); it != by_number.end()) {
      mounts.push_back({it->second, unescape_mount_field(mount_point)});
    }
  }
  std::ifstream swaps(proc / "swaps");
  std::getline(swaps, line);  // header
  while (std::getline(swaps, line)) {
    const auto source = line.substr(0, line.find_first_of(" \t"));
    struct stat node {};
    if (::stat(source.c_str(), &node) == 0 && S_ISBLK(node.st_mode)) {
      if (auto it = by_number.find(node.st_rdev); it != by_number.end())
        mounts.push_back({it->second, "[swap]"});
    }
  }
  return mounts;
}

}  // namespace linux_sysfs

Result<std::vector<BlockDevice>> list_block_devices() { return linux_sysfs::list_block_devices("/sys"); }

Result<std::vector<Mount>> list_mounts() { return linux_sysfs::list_mounts("/sys", "/proc"); }

Result<std::vector<std::string>> system_disks() {
  DQ_TRY_ASSIGN(auto devices, list_block_devices());
  DQ_TRY_ASSIGN(auto mounts, list_mounts());
  return system_disks_among(devices, mounts);
}

}  // namespace dextqual::device
