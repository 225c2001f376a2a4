// Linux: /sys/class/block for devices, partitions and identities (SCSI VPD pages through sysfs,
// virtio/NVMe serials, loop backing files, simdext's description beside its FUSE file), and
// /proc/self/mountinfo plus /proc/swaps for what is in use. Device-mapper and MD holders count as
// "in use" through the disk's holders/ directory.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "contract/run_contract.h"
#include "runner/block_devices.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

std::string read_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n' || line.back() == '\0')) line.pop_back();
  const auto start = line.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : line.substr(start);
}

// VPD page 80h as sysfs exposes it: 4 header bytes, then the serial.
std::string vpd_serial(const fs::path& device_dir) {
  std::ifstream in(device_dir / "vpd_pg80", std::ios::binary);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (page.size() <= 4) return {};
  std::string serial = page.substr(4);
  std::erase(serial, '\0');
  while (!serial.empty() && serial.back() == ' ') serial.pop_back();
  return serial.substr(std::min(serial.size(), serial.find_first_not_of(' ')));
}

// A loop device served by simdext is backed by <state>/fuse/<file>; its identity is the simulated LU's.
void identify_loop(const fs::path& sys_dir, BlockDevice& device) {
  const auto backing = read_line(sys_dir / "loop" / "backing_file");
  if (backing.empty()) return;
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
  device.identity.serial = vpd_serial(scsi);
  if (device.identity.serial.empty()) device.identity.serial = read_line(sys_dir / "serial");  // virtio
  if (device.identity.serial.empty()) device.identity.serial = read_line(scsi / "serial");     // NVMe
  auto wwid = read_line(scsi / "wwid");
  if (wwid.empty()) wwid = read_line(sys_dir / "wwid");
  if (wwid.starts_with("naa.")) wwid = wwid.substr(4);
  device.identity.wwn = wwid;
  device.identity_source = "sysfs";
}

}  // namespace

Result<std::vector<BlockDevice>> list_block_devices() {
  std::vector<BlockDevice> devices;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/sys/class/block", ec)) {
    const auto sys_dir = fs::canonical(entry.path(), ec);
    if (ec) continue;
    BlockDevice device;
    device.name = entry.path().filename().string();
    device.node = "/dev/" + device.name;
    device.is_partition = fs::exists(sys_dir / "partition");
    device.disk = device.is_partition ? sys_dir.parent_path().filename().string() : device.name;
    const auto sectors = read_line(sys_dir / "size");
    device.size_bytes = sectors.empty() ? 0 : std::stoull(sectors) * 512;
    const auto disk_dir = device.is_partition ? sys_dir.parent_path() : sys_dir;
    const auto block_size = read_line(disk_dir / "queue" / "logical_block_size");
    if (!block_size.empty()) device.logical_block_size = static_cast<std::uint32_t>(std::stoul(block_size));
    if (!device.is_partition) identify(sys_dir, device);
    for (const auto& holder : fs::directory_iterator(sys_dir / "holders", ec)) {
      device.holders.push_back(holder.path().filename().string());
    }
    ec.clear();
    devices.push_back(std::move(device));
  }
  if (ec) return fail_errno("list /sys/class/block", ec.value());
  return devices;
}

Result<std::vector<Mount>> list_mounts() {
  std::map<dev_t, std::string> by_number;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/sys/class/block", ec)) {
    unsigned major_number = 0;
    unsigned minor_number = 0;
    if (std::sscanf(read_line(entry.path() / "dev").c_str(), "%u:%u", &major_number, &minor_number) == 2) {
      by_number[makedev(major_number, minor_number)] = entry.path().filename().string();
    }
  }
  std::vector<Mount> mounts;
  std::ifstream info("/proc/self/mountinfo");
  if (!info) return fail_errno("open /proc/self/mountinfo");
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
      mounts.push_back({it->second, mount_point});
    }
  }
  std::ifstream swaps("/proc/swaps");
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

Result<std::vector<std::string>> system_disks() {
  DQ_TRY_ASSIGN(auto devices, list_block_devices());
  DQ_TRY_ASSIGN(auto mounts, list_mounts());
  static const std::vector<std::string> system_points = {"/", "/boot", "/boot/efi", "/usr", "/var", "[swap]"};
  std::vector<std::string> disks;
  for (const auto& mount : mounts) {
    if (std::find(system_points.begin(), system_points.end(), mount.mount_point) == system_points.end())
      continue;
    for (const auto& device : devices) {
      if (device.name == mount.device_name &&
          std::find(disks.begin(), disks.end(), device.disk) == disks.end()) {
        disks.push_back(device.disk);
      }
    }
  }
  return disks;
}

}  // namespace dextqual::runner
