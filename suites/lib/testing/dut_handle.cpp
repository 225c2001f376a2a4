#include "testing/dut_handle.h"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "limits/limits_gather.h"
#include "scsi/make_transport.h"
#include "testing/conformance.h"

namespace dextqual::testing {

Result<UniqueFd> BlockNode::open(limits::Access access) const {
  if (cache == Cache::bypassed) return limits::open_uncached(path, access);
  const int flags = (access == limits::Access::read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC;
  UniqueFd fd(::open(path.c_str(), flags));
  if (!fd) return fail("open " + path, std::strerror(errno));
  return fd;
}

Result<scsi::Initiator*> DutHandle::scsi() {
  if (description_.passthrough.kind == PassthroughKind::none) {
    return fail("open the DUT's pass-through", "the DUT has no SCSI pass-through transport");
  }
  if (!initiator_) initiator_.emplace(scsi::make_initiator(description_));
  if (!*initiator_) return std::unexpected((*initiator_).error());
  return &**initiator_;
}

Result<BlockNode> DutHandle::raw() const {
  if (description_.raw_node.empty()) return fail("the DUT's raw node", "the DUT has no raw block node");
  return BlockNode{description_.raw_node, BlockNode::Cache::bypassed, description_.logical_block_size,
                   description_.capacity_bytes()};
}

Result<BlockNode> DutHandle::buffered() const {
  const std::string& path =
      description_.buffered_node.empty() ? description_.raw_node : description_.buffered_node;
  if (path.empty()) return fail("the DUT's buffered node", "the DUT names no block node");
  return BlockNode{path, BlockNode::Cache::used, description_.logical_block_size,
                   description_.capacity_bytes()};
}

platform::DeviceLifecycle& DutHandle::lifecycle() {
  const void* test = ::testing::UnitTest::GetInstance()->current_test_info();
  if (!lifecycle_ || lifecycle_test_ != test) {
    lifecycle_ = platform::make_device_lifecycle(description_, platform::system_command_runner());
    lifecycle_test_ = test;
    // A test that ejects, detaches, cuts the power of or re-attaches the DUT makes the kernel log the
    // device's going and coming (resets, offline I/O errors): those are the test's own, not findings.
    if (test != nullptr) {
      expect_kernel_io_errors(
          "the test drives the DUT through lifecycle events: the kernel's messages about them are its own");
    }
  }
  return *lifecycle_;
}

const Result<limits::LimitsReport>& DutHandle::limits() {
  if (!limits_) limits_.emplace(limits::gather_limits(description_));
  return *limits_;
}

DutHandle& dut_handle() {
  static DutHandle handle(dut());
  return handle;
}

namespace requirement {
namespace {

std::optional<std::string> event_supported(platform::DeviceEvent event) {
  if (auto unmet = dut_present()) return unmet;
  auto why = dut_handle().lifecycle().why_unsupported(event);
  if (!why) return std::nullopt;
  return platform::to_string(event) + " on this DUT: " + *why;
}

}  // namespace

std::optional<std::string> eject_supported() { return event_supported(platform::DeviceEvent::eject); }
std::optional<std::string> detach_supported() { return event_supported(platform::DeviceEvent::detach); }
std::optional<std::string> attach_supported() { return event_supported(platform::DeviceEvent::attach); }
std::optional<std::string> power_cut_supported() { return event_supported(platform::DeviceEvent::power_cut); }
std::optional<std::string> restart_supported() { return event_supported(platform::DeviceEvent::restart); }

}  // namespace requirement
}  // namespace dextqual::testing
