// Guards the re-attach path every lifecycle test takes: a test that stops between taking the device
// away and bringing it back still brings it back; the device is found again by identity and the
// dut.json on disk names the new node (a loop device can come back under another number).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "lifecycle/dut_refind.h"

namespace dextqual::lifecycle {
namespace {

// Records events; comes back as /dev/loop7.
class FakeDevice final : public platform::DeviceLifecycle {
 public:
  std::string method() const override { return "fake"; }
  std::optional<std::string> why_unsupported(platform::DeviceEvent) const override { return std::nullopt; }
  Status apply(platform::DeviceEvent event) override {
    events.push_back(platform::to_string(event));
    return {};
  }
  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds) override {
    DutDescription found = before;
    found.raw_node = "/dev/loop7";
    return found;
  }
  std::vector<std::string> events;
};

TEST(ReattachOnExit, BringsTheDeviceBackWhenTheTestStopsHalfWay) {
  FakeDevice device;
  {
    ReattachOnExit guard(device);
    ASSERT_TRUE(guard.take_away(platform::DeviceEvent::eject).has_value());
  }
  const std::vector<std::string> expected = {"eject", "attach"};
  EXPECT_EQ(device.events, expected);
}

TEST(ReattachOnExit, StaysQuietOnceTheDeviceIsBack) {
  FakeDevice device;
  {
    ReattachOnExit guard(device);
    ASSERT_TRUE(guard.take_away(platform::DeviceEvent::detach).has_value());
    guard.back();
  }
  EXPECT_EQ(device.events, std::vector<std::string>{"detach"});
}

TEST(RestoreAndFind, RewritesDutJsonWithTheNewNode) {
  std::string path_template = (std::filesystem::temp_directory_path() / "dextqual-refind.XXXXXX").string();
  ASSERT_NE(::mkdtemp(path_template.data()), nullptr);
  const std::string dut_path = path_template + "/dut.json";
  DutDescription before;
  before.raw_node = "/dev/loop3";
  before.identity.serial = "SIM0000000001";
  FakeDevice device;
  auto refound =
      restore_and_find(device, before, platform::DeviceEvent::attach, std::chrono::seconds(1), dut_path);
  ASSERT_TRUE(refound.has_value()) << refound.error().message();
  auto saved = load_dut(dut_path);
  ASSERT_TRUE(saved.has_value()) << saved.error().message();
  EXPECT_EQ(saved->raw_node, "/dev/loop7");
  EXPECT_EQ(saved->identity.serial, "SIM0000000001");
  std::filesystem::remove_all(path_template);
}

}  // namespace
}  // namespace dextqual::lifecycle
