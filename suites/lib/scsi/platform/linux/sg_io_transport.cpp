// SG_IO on Linux: one ioctl per command, every field of sg_io_hdr kept (SCSI-CHECKLIST.md (c)2).
#include "scsi/sg_io_transport.h"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "core/unique_fd.h"

namespace dextqual::scsi {
namespace {

constexpr unsigned kSenseCapacity = 252;  // SPC-4 4.5.1: the largest sense data there is

struct Hctl {
  unsigned host = 0, channel = 0, target = 0, lun = 0;
};

std::optional<Hctl> parse_hctl(const std::string& text) {
  Hctl hctl;
  if (std::sscanf(text.c_str(), "%u:%u:%u:%u", &hctl.host, &hctl.channel, &hctl.target, &hctl.lun) != 4) {
    return std::nullopt;
  }
  return hctl;
}

// /sys/dev/char/M:m/device or /sys/dev/block/M:m/device links to .../H:C:T:L.
std::optional<Hctl> hctl_of(const std::string& node) {
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    return std::nullopt;
  }
  const char* kind = S_ISCHR(st.st_mode) ? "char" : S_ISBLK(st.st_mode) ? "block" : nullptr;
  if (kind == nullptr) {
    return std::nullopt;
  }
  char link[96];
  std::snprintf(link, sizeof link, "/sys/dev/%s/%u:%u/device", kind, ::major(st.st_rdev),
                ::minor(st.st_rdev));
  std::error_code error;
  auto target = std::filesystem::read_symlink(link, error);
  if (error) {
    return std::nullopt;
  }
  return parse_hctl(target.filename().string());
}

std::string host_status_name(unsigned status) {
  static constexpr const char* kNames[] = {"DID_OK",
                                           "DID_NO_CONNECT",
                                           "DID_BUS_BUSY",
                                           "DID_TIME_OUT",
                                           "DID_BAD_TARGET",
                                           "DID_ABORT",
                                           "DID_PARITY",
                                           "DID_ERROR",
                                           "DID_RESET",
                                           "DID_BAD_INTR",
                                           "DID_PASSTHROUGH",
                                           "DID_SOFT_ERROR",
                                           "DID_IMM_RETRY",
                                           "DID_REQUEUE",
                                           "DID_TRANSPORT_DISRUPTED",
                                           "DID_TRANSPORT_FAILFAST",
                                           "DID_TARGET_FAILURE",
                                           "DID_NEXUS_FAILURE"};
  return status < std::size(kNames) ? kNames[status] : "DID_?";
}

class SgIoTransport final : public Transport {
 public:
  SgIoTransport(UniqueFd fd, std::string node, Address address, std::optional<Hctl> hctl)
      : node_(std::move(node)), address_(address), hctl_(hctl) {
    traits_.name = "sg-io " + node_;
    traits_.exact_data_in = false;  // sg copies its whole bounce buffer back
    traits_.any_address = false;
    traits_.can_reset = true;
    fds_.emplace(key(address), std::move(fd));
  }

  // SG_SCSI_RESET (scsi_ioctl_reset): the HBA driver's eh_device_reset_handler (a LOGICAL UNIT RESET),
  // eh_target_reset_handler or eh_bus_reset_handler, called directly, not through the error handler.
  // NO_ESCALATE: a driver without the handler asked for fails the call with EIO (as one whose handler
  // failed: Linux does not tell them apart) instead of the kernel resetting more than was asked. The
  // kernel then expects one UNIT ATTENTION per device it reset; a pass-through command is not retried
  // (no retries allowed), so the test sees it as the LU reports it.
  Result<ResetScope> reset(const Address& address, ResetScope scope) override {
    DQ_TRY_ASSIGN(int fd, fd_for(address));
    const int what = scope == ResetScope::logical_unit ? SG_SCSI_RESET_DEVICE
                     : scope == ResetScope::target     ? kResetTarget
                                                       : SG_SCSI_RESET_BUS;
    int value = what | kNoEscalate;
    if (::ioctl(fd, SG_SCSI_RESET, &value) != 0) {
      return fail_errno("SG_SCSI_RESET (" + to_string(scope) + ") on " + node_for(address));
    }
    return scope;
  }

  const TransportTraits& traits() const override { return traits_; }

  std::vector<Address> known_addresses() override {
    std::vector<Address> found;
    for (const auto& [hctl, node] : siblings()) {
      found.push_back(Address{hctl.first, hctl.second});
    }
    return found;
  }

  Result<TransportReply> execute(const Request& request) override {
    DQ_TRY_ASSIGN(int fd, fd_for(request.address));
    std::array<uint8_t, kSenseCapacity> sense{};
    sg_io_hdr_t hdr{};
    hdr.interface_id = 'S';
    hdr.cmd_len = request.cdb.size;
    hdr.cmdp = const_cast<unsigned char*>(request.cdb.bytes.data());
    hdr.mx_sb_len = kSenseCapacity;
    hdr.sbp = sense.data();
    hdr.timeout = static_cast<unsigned>(request.timeout.count());
    switch (request.direction) {
      case Direction::none:
        hdr.dxfer_direction = SG_DXFER_NONE;
        break;
      case Direction::from_device:
        hdr.dxfer_direction = SG_DXFER_FROM_DEV;
        hdr.dxferp = request.data_in.data();
        hdr.dxfer_len = static_cast<unsigned>(request.data_in.size());
        break;
      case Direction::to_device:
        hdr.dxfer_direction = SG_DXFER_TO_DEV;
        hdr.dxferp = const_cast<uint8_t*>(request.data_out.data());
        hdr.dxfer_len = static_cast<unsigned>(request.data_out.size());
        break;
    }
    const auto start = std::chrono::steady_clock::now();
    if (::ioctl(fd, SG_IO, &hdr) != 0) {
      return fail_errno("SG_IO " + request.cdb.describe() + " on " + node_for(request.address));
    }
    TransportReply reply;
    reply.duration = std::chrono::steady_clock::now() - start;
    reply.status = hdr.status;
    reply.transport_code = hdr.host_status;
    reply.residual = hdr.resid;
    reply.sense.assign(sense.begin(), sense.begin() + std::min<unsigned>(hdr.sb_len_wr, kSenseCapacity));
    char text[160];
    std::snprintf(text, sizeof text, "host_status=%02Xh %s, driver_status=%02Xh, info=%Xh, sg duration %u ms",
                  hdr.host_status, host_status_name(hdr.host_status).c_str(), hdr.driver_status, hdr.info,
                  hdr.duration);
    reply.transport_status = text;
    // driver_status low nibble: 0 OK, 8 DRIVER_SENSE (sense attached); 6 DRIVER_TIMEOUT.
    const unsigned driver = hdr.driver_status & 0x0F;
    if (hdr.host_status == 3 || driver == 6) {
      reply.delivery = Delivery::timed_out;
    } else if (hdr.host_status != 0 || (driver != 0 && driver != 8)) {
      reply.delivery = Delivery::transport_failure;
    }
    return reply;
  }

 private:
  // SG_SCSI_RESET_TARGET and SG_SCSI_RESET_NO_ESCALATE (Linux 3.18): glibc's <scsi/sg.h> lacks them.
  static constexpr int kResetTarget = 4;
  static constexpr int kNoEscalate = 0x100;

  static std::pair<uint64_t, uint64_t> key(Address address) { return {address.target, address.lun}; }

  // sg nodes on the same host and channel as the DUT's node, by target and LUN.
  std::map<std::pair<uint64_t, uint64_t>, std::string> siblings() const {
    std::map<std::pair<uint64_t, uint64_t>, std::string> found;
    if (!hctl_) {
      found[key(address_)] = node_;
      return found;
    }
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/sys/class/scsi_generic", error)) {
      auto link = std::filesystem::read_symlink(entry.path() / "device", error);
      auto hctl = error ? std::nullopt : parse_hctl(link.filename().string());
      if (hctl && hctl->host == hctl_->host && hctl->channel == hctl_->channel) {
        found[{hctl->target, hctl->lun}] = "/dev/" + entry.path().filename().string();
      }
    }
    found[key(address_)] = node_;
    return found;
  }

  std::string node_for(Address address) const {
    auto all = siblings();
    auto it = all.find(key(address));
    return it == all.end() ? std::string("(no sg node)") : it->second;
  }

  Result<int> fd_for(Address address) {
    if (auto it = fds_.find(key(address)); it != fds_.end()) {
      return it->second.get();
    }
    const std::string node = node_for(address);
    if (node.front() != '/') {
      return fail("SG_IO to " + to_string(address),
                  "Linux attached no sg node for it on the DUT's host (absent LUNs cannot be addressed)");
    }
    UniqueFd fd(::open(node.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
      return fail_errno("open " + node);
    }
    const int raw = fd.get();
    fds_.emplace(key(address), std::move(fd));
    return raw;
  }

  std::string node_;
  Address address_;
  std::optional<Hctl> hctl_;
  TransportTraits traits_;
  std::map<std::pair<uint64_t, uint64_t>, UniqueFd> fds_;
};

}  // namespace

Result<std::unique_ptr<Transport>> open_sg_io_transport(const std::string& node, Address address) {
  UniqueFd fd(::open(node.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open " + node, errno, "SG_IO needs a /dev/sgN or SCSI block node, and root");
  }
  int version = 0;
  if (::ioctl(fd.get(), SG_GET_VERSION_NUM, &version) != 0 || version < 30000) {
    return fail_errno("SG_GET_VERSION_NUM on " + node, errno, "not an SG_IO-capable node");
  }
  auto hctl = hctl_of(node);
  if (hctl && (hctl->target != address.target || hctl->lun != address.lun)) {
    return fail("open " + node, "dut.json names " + to_string(address) + " but sysfs says " + node + " is " +
                                    std::to_string(hctl->host) + ":" + std::to_string(hctl->channel) + ":" +
                                    std::to_string(hctl->target) + ":" + std::to_string(hctl->lun));
  }
  return std::make_unique<SgIoTransport>(std::move(fd), node, address, hctl);
}

}  // namespace dextqual::scsi
