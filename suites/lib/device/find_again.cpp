#include "device/find_again.h"

#include <fcntl.h>

#include <thread>

#include "core/unique_fd.h"

namespace dextqual::device {
namespace {

bool node_opens(const BlockDevice& device) {
  return static_cast<bool>(UniqueFd(::open(device.node.c_str(), O_RDONLY | O_CLOEXEC)));
}

std::string describe(const DutIdentity& identity) {
  std::string text = "serial '" + identity.serial + "'";
  if (!identity.wwn.empty()) text += ", WWN " + identity.wwn;
  return text;
}

}  // namespace

Result<BlockDevice> find_again(const DutIdentity& identity, const FindOptions& options) {
  const std::string what = "find the DUT again (" + describe(identity) + ")";
  if (identity.serial.empty() && identity.wwn.empty()) {
    return fail(what, "it has neither serial nor WWN, so nothing can say it is the same disk");
  }
  const auto usable = options.usable ? options.usable : node_opens;
  const auto deadline = std::chrono::steady_clock::now() + options.budget;
  std::string seen = "no disk with that identity";
  while (true) {
    auto devices = options.list();
    if (!devices) {
      seen = devices.error().message();
    } else {
      const auto disks = disks_with_identity(*devices, identity);
      if (disks.size() > 1) {
        std::string nodes;
        for (const auto& disk : disks) nodes += " " + disk.node;
        return fail(what, std::to_string(disks.size()) + " disks have that identity:" + nodes);
      }
      if (disks.size() == 1) {
        if (usable(disks.front())) return disks.front();
        seen = disks.front().node + " has that identity but does not open yet";
      }
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return fail(what, seen + " within " + std::to_string(options.budget.count()) + " ms");
    }
    std::this_thread::sleep_for(options.poll);
  }
}

}  // namespace dextqual::device
