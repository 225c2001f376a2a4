// Linux: gathers the sysfs facts of the SCSI device behind the node and lets sysfs_transport decide.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <filesystem>
#include <fstream>

#include "scsi/os_protocol_view.h"
#include "scsi/sysfs_transport.h"

namespace dextqual::scsi {
namespace {

namespace fs = std::filesystem;

std::string first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

OsProtocolView os_protocol_view(const std::string& node) {
  OsProtocolView view;
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    view.shown = "cannot stat " + node;
    return view;
  }
  const std::string kind = S_ISBLK(st.st_mode) ? "block" : "char";
  const fs::path dev = fs::path("/sys/dev") / kind /
                       (std::to_string(::major(st.st_rdev)) + ":" + std::to_string(::minor(st.st_rdev)));
  std::error_code error;
  // A partition's device link is its disk's; a whole disk or an sg node links to the SCSI device.
  fs::path device = fs::canonical(dev / "device", error);
  if (error || !fs::exists(device / "scsi_level", error)) {
    view.shown =
        node + " is not a SCSI device in sysfs (no SCSI host attached it): no transport class to read";
    return view;
  }
  SysfsScsiDevice facts;
  facts.device_path = device.string();
  const std::string hctl = device.filename().string();  // H:C:T:L
  const std::string host = hctl.substr(0, hctl.find(':'));
  const std::string target = hctl.substr(0, hctl.rfind(':'));
  facts.host_driver = first_line(fs::path("/sys/class/scsi_host/host" + host) / "proc_name");
  for (const char* transport : {"fc_transport", "spi_transport"}) {
    if (fs::exists(fs::path("/sys/class") / transport / ("target" + target), error)) {
      facts.transport_classes.emplace_back(transport);
    }
  }
  const auto shown = protocol_from_sysfs(facts);
  if (shown) {
    view.protocol = shown->protocol;
    view.shown = shown->evidence + " (" + hctl + ")";
  } else {
    view.shown = "host driver " + (facts.host_driver.empty() ? std::string("(unnamed)") : facts.host_driver) +
                 " attached no SCSI transport class to " + hctl;
  }
  return view;
}

}  // namespace dextqual::scsi
