// The device under test as a suite test uses it (ARCHITECTURE.md "The device under test, as the suites
// see it"): one handle per suite binary, over the description the runner wrote (--dut=dut.json), that
// hands out what a test needs and opens each thing once:
//   scsi()      the initiator on the DUT's pass-through transport (SG_IO, simdext's socket)
//   raw()       the node that bypasses the host cache (O_DIRECT; /dev/rdiskN with F_NOCACHE)
//   buffered()  the node through the host cache (/dev/sdX; /dev/diskN)
//   lifecycle() eject, detach, attach, power cut, restart (simdext ctl, the platform, station hooks)
//   limits()    the published transfer limits (simdext constraints, IORegistry, sysfs, VPD B0h)
// What the DUT cannot give is an Error here and a named requirement for REQUIRE_DUT (the device events
// below, raw_node and scsi_passthrough in dut_environment.h), so a test skips with the reason first.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/unique_fd.h"
#include "dut/dut_description.h"
#include "lifecycle/lifecycle_device.h"
#include "limits/limits_model.h"
#include "limits/limits_probe.h"
#include "scsi/initiator.h"
#include "testing/dut_environment.h"

namespace dextqual::testing {

// One block node of the DUT and how it is opened.
struct BlockNode {
  enum class Cache { bypassed, used };
  std::string path;
  Cache cache = Cache::bypassed;
  std::uint32_t logical_block_size = 512;
  std::uint64_t capacity_bytes = 0;

  // Bypassed: limits::open_uncached (O_DIRECT / F_NOCACHE). Used: a plain open(2).
  [[nodiscard]] Result<UniqueFd> open(limits::Access access) const;
};

class DutHandle {
 public:
  explicit DutHandle(const DutDescription& description) : description_(description) {}

  [[nodiscard]] const DutDescription& description() const { return description_; }

  // Opened on first use and kept, so the tests of a binary share one transport connection.
  [[nodiscard]] Result<scsi::Initiator*> scsi();
  [[nodiscard]] Result<BlockNode> raw() const;
  [[nodiscard]] Result<BlockNode> buffered() const;
  // simdext's control when the DUT is simdext, else the platform's mechanism with the station's hooks on
  // top. Made afresh for each test: the hooks' lifecycle remembers that a hook brought the device back
  // until the attach that follows, which must not leak from a test that stopped half-way into the next.
  [[nodiscard]] platform::DeviceLifecycle& lifecycle();
  // Gathered once per binary: the limits are published at attach and do not change under a test.
  [[nodiscard]] const Result<limits::LimitsReport>& limits();

 private:
  const DutDescription& description_;
  std::optional<Result<scsi::Initiator>> initiator_;
  std::unique_ptr<platform::DeviceLifecycle> lifecycle_;
  const void* lifecycle_test_ = nullptr;  // the GoogleTest TestInfo it was made for
  std::optional<Result<limits::LimitsReport>> limits_;
};

// The handle on this binary's DUT (testing::dut()).
[[nodiscard]] DutHandle& dut_handle();

// Requirements on the DUT's lifecycle: "requires power_cut_supported: power-cut on this DUT: <why>".
// Each names the capability that needs it (contract/capabilities.h).
namespace requirement {
[[nodiscard]] std::optional<std::string> eject_supported();
[[nodiscard]] std::optional<std::string> detach_supported();
[[nodiscard]] std::optional<std::string> attach_supported();
[[nodiscard]] std::optional<std::string> power_cut_supported();
[[nodiscard]] std::optional<std::string> restart_supported();
}  // namespace requirement

}  // namespace dextqual::testing
