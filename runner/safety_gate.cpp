#include "runner/safety_gate.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "device/identity.h"
#include "dut/simdext_dut.h"
#include "station/station_hook.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;
using device::BlockDevice;
using device::identity_names;

std::string describe(const BlockDevice& device) {
  std::string text = device.node + " (";
  text += device.identity.vendor.empty() ? "" : device.identity.vendor + " ";
  text += device.identity.product.empty() ? "" : device.identity.product + ", ";
  text += "serial '" + device.identity.serial + "'";
  if (!device.identity.wwn.empty()) text += ", WWN " + device.identity.wwn;
  return text + ")";
}

bool matches_rules(const BlockDevice& device, const MatchRules& rules) {
  if (!rules.serial.empty() && device.identity.serial != rules.serial) return false;
  if (!rules.wwn.empty() && device::normalize_wwn(device.identity.wwn) != device::normalize_wwn(rules.wwn))
    return false;
  if (!rules.allow_data_loss.empty() && !identity_names(device.identity, rules.allow_data_loss)) return false;
  return true;
}

std::unexpected<Error> refuse(const std::string& why) { return fail("refusing the device", why); }

}  // namespace

Result<BlockDevice> choose_device(const HostSnapshot& host, const MatchRules& rules) {
  const BlockDevice* chosen = nullptr;
  if (rules.path_given && !rules.path_name.empty()) {
    const auto it = std::find_if(host.devices.begin(), host.devices.end(),
                                 [&](const BlockDevice& d) { return d.name == rules.path_name; });
    if (it == host.devices.end()) return refuse(rules.path + " is not a block device this host lists");
    if (it->is_partition) {
      return refuse(rules.path + " is a partition of /dev/" + it->disk +
                    "; give the whole disk, never a partition");
    }
    chosen = &*it;
  }
  const bool identity_rules = !rules.serial.empty() || !rules.wwn.empty() || !rules.allow_data_loss.empty();
  std::vector<const BlockDevice*> matching;
  for (const auto& device : host.devices) {
    if (!device.is_partition && identity_rules && matches_rules(device, rules)) matching.push_back(&device);
  }
  if (chosen == nullptr) {
    // The path is gone (the device came back under another number) or was not given: by identity.
    if (!identity_rules)
      return refuse((rules.path_given ? rules.path : std::string("no --device")) + ": no such device");
    if (matching.empty())
      return refuse("no device has the identity the match rules and --allow-data-loss name");
    chosen = matching.front();
  }
  if (std::find(host.system_disks.begin(), host.system_disks.end(), chosen->disk) !=
      host.system_disks.end()) {
    return refuse(describe(*chosen) + " holds the running system (/, /boot, /usr, /var or swap)");
  }
  for (const auto& mount : host.mounts) {
    const auto device = std::find_if(host.devices.begin(), host.devices.end(),
                                     [&](const BlockDevice& d) { return d.name == mount.device_name; });
    if (device != host.devices.end() && device->disk == chosen->name) {
      return refuse(describe(*chosen) + " has a mounted volume: /dev/" + mount.device_name + " on " +
                    mount.mount_point + "; unmount it first");
    }
  }
  for (const auto& device : host.devices) {
    if (device.disk == chosen->name && !device.holders.empty()) {
      return refuse(describe(*chosen) + " is in use by /dev/" + device.holders.front() +
                    " (device-mapper or MD)");
    }
  }
  if (!rules.allow_data_loss.empty() && !identity_names(chosen->identity, rules.allow_data_loss)) {
    std::string where;
    for (const auto* other : matching) where += " " + other->node;
    return refuse("--allow-data-loss=" + rules.allow_data_loss + " does not name " + describe(*chosen) +
                  (where.empty() ? "; no device has that identity" : "; that identity is now at" + where));
  }
  if ((!rules.serial.empty() || !rules.wwn.empty()) && !matches_rules(*chosen, rules)) {
    return refuse(describe(*chosen) + " does not match the station file's serial/WWN");
  }
  if (matching.size() > 1) {
    std::string nodes;
    for (const auto* device : matching) nodes += " " + device->node;
    return refuse(std::to_string(matching.size()) + " devices have this identity:" + nodes +
                  "; exactly one must match");
  }
  if (!rules.allow_data_loss.empty() && chosen->read_only) {
    return refuse(describe(*chosen) + " is write-protected (Linux: /sys/block/" + chosen->name +
                  "/ro is 1, set from MODE SENSE's WP bit; macOS: IOMedia Writable is false): a destructive "
                  "run cannot write it and every write test would fail for that alone. Clear the write "
                  "protection, or run without --allow-data-loss (read-only tests)");
  }
  if (!rules.allow_data_loss.empty() && chosen->identity.serial.empty() && chosen->identity.wwn.empty()) {
    return refuse(describe(*chosen) + " has no serial or WWN, so data loss cannot be allowed for it");
  }
  return *chosen;
}

Status check_other_lus(const HostSnapshot& host, const BlockDevice& dut,
                       const std::vector<std::string>& identities, bool dut_data_loss_allowed) {
  if (!identities.empty() && !dut_data_loss_allowed) {
    return refuse("data loss on other LUs (" + identities.front() + (identities.size() > 1 ? ", ..." : "") +
                  ") needs --allow-data-loss for the DUT too");
  }
  for (const auto& identity : identities) {
    MatchRules rules;
    rules.allow_data_loss = identity;
    auto other = choose_device(host, rules);
    if (!other) {
      return refuse("other LU " + identity + ": " + other.error().message());
    }
    if (other->name == dut.name) {
      return refuse("other LU " + identity + " is the DUT itself (" + dut.node + ")");
    }
  }
  return {};
}

Result<DutDescription> admit_device(const DeviceRequest& request) {
  station::Station station;
  if (!request.device_file.empty()) {
    DQ_TRY_ASSIGN(station, station::load_station_file(request.device_file));
  }
  MatchRules rules;
  rules.path = request.device.empty() ? station.device.path : request.device;
  rules.path_given = !rules.path.empty();
  rules.serial = station.device.serial;
  rules.wwn = station.device.wwn;
  // The flag wins; a dedicated station may name its DUT's identity once in its file (same check).
  rules.allow_data_loss =
      request.allow_data_loss.empty() ? station.device.allow_data_loss : request.allow_data_loss;
  if (rules.path_given) {
    std::error_code ec;
    const auto resolved = fs::canonical(rules.path, ec);  // symlinks (/dev/disk/by-id/...) resolved
    struct stat node {};
    if (!ec && ::stat(resolved.c_str(), &node) == 0) {
      if (!S_ISBLK(node.st_mode)) return refuse(rules.path + " is not a block device");
      rules.path_name = resolved.filename().string();
    }
  }
  HostSnapshot host;
  DQ_TRY_ASSIGN(host.devices, device::list_block_devices());
  DQ_TRY_ASSIGN(host.mounts, device::list_mounts());
  host.system_disks = device::system_disks_among(host.devices, host.mounts);
  DQ_TRY_ASSIGN(const auto device, choose_device(host, rules));
  const auto& other_lus = request.allow_data_loss_other_lus.empty() ? station.device.allow_data_loss_other_lus
                                                                    : request.allow_data_loss_other_lus;
  DQ_TRY(check_other_lus(host, device, other_lus, !rules.allow_data_loss.empty()));

  DutDescription dut;
  if (!device.simdext_state.empty()) {
    DQ_TRY_ASSIGN(dut, dut_from_simdext(device.simdext_state));
  } else {
    dut.kind = DutKind::linux_block;
    dut.raw_node = device.node;
    dut.buffered_node = device.node;
    dut.identity = device.identity;
    dut.logical_block_size = device.logical_block_size;
    dut.capacity_blocks = device.size_bytes / std::max<std::uint32_t>(1, device.logical_block_size);
    if (device.scsi) {
      dut.passthrough = {PassthroughKind::sg_io, device.node, 0, 0};
    }
  }
  dut.allow_data_loss = !rules.allow_data_loss.empty();
  if (device.simdext_state.empty()) dut.writable_other_lus = other_lus;
  station::set_hooks(dut, station.hooks);
  if (!station.product_file.empty()) dut.product_expectations = station.product_file;
  dut.extra["identity_source"] = device.identity_source;
  return dut;
}

bool device_still_present(const std::string& node, const DutIdentity& identity) {
  auto devices = device::list_block_devices();
  if (!devices) return false;
  if (!identity.serial.empty() || !identity.wwn.empty()) {
    return !device::disks_with_identity(*devices, identity).empty();
  }
  // Nothing identifies it: it is present when its node still names a disk.
  const auto name = fs::path(node).filename().string();
  return std::ranges::any_of(*devices,
                             [&](const BlockDevice& d) { return !d.is_partition && d.name == name; });
}

}  // namespace dextqual::runner
