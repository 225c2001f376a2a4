// Guards the station hooks (issue 7): an absent hook skips with the hook's name as the reason, a
// present one runs through the shell, and after a power_cycle hook `attach` only waits.
#include <gtest/gtest.h>

#include <vector>

#include "lifecycle_device.h"

namespace dextqual::platform {
namespace {

// A native mechanism that can do nothing but eject, and records what it was asked.
class EjectOnly final : public DeviceLifecycle {
 public:
  explicit EjectOnly(std::vector<std::string>* log) : log_(log) {}
  std::string method() const override { return "eject-only"; }
  std::optional<std::string> why_unsupported(DeviceEvent event) const override {
    if (event == DeviceEvent::eject) {
      return std::nullopt;
    }
    return "cannot " + to_string(event);
  }
  Status apply(DeviceEvent event) override {
    log_->push_back("native " + to_string(event));
    return {};
  }
  Result<DutDescription> find_again(const DutDescription& before, std::chrono::milliseconds) override {
    return before;
  }

 private:
  std::vector<std::string>* log_;
};

CommandRunner recording_runner(std::vector<std::string>* log) {
  return [log](const CommandLine& command) -> Result<CommandOutput> {
    log->push_back(describe(command));
    return CommandOutput{};
  };
}

TEST(StationHooks, AbsentHookIsUnsupportedAndNamesTheHook) {
  std::vector<std::string> log;
  const auto lifecycle =
      with_station_hooks(std::make_unique<EjectOnly>(&log), DutDescription{}, recording_runner(&log));
  const auto reason = lifecycle->why_unsupported(DeviceEvent::power_cut);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("power_cycle"), std::string::npos) << *reason;
  EXPECT_FALSE(lifecycle->why_unsupported(DeviceEvent::eject).has_value());
}

TEST(StationHooks, PowerCycleHookRunsThroughTheShellAndAttachOnlyWaits) {
  std::vector<std::string> log;
  DutDescription dut;
  dut.hooks["power_cycle"] = "pdu-ctl cycle 7";
  const auto lifecycle = with_station_hooks(std::make_unique<EjectOnly>(&log), dut, recording_runner(&log));
  ASSERT_FALSE(lifecycle->why_unsupported(DeviceEvent::power_cut).has_value());
  ASSERT_TRUE(lifecycle->apply(DeviceEvent::power_cut).has_value());
  EXPECT_FALSE(lifecycle->why_unsupported(DeviceEvent::attach).has_value());
  ASSERT_TRUE(lifecycle->apply(DeviceEvent::attach).has_value());
  ASSERT_TRUE(lifecycle->apply(DeviceEvent::eject).has_value());
  const std::vector<std::string> expected = {"/bin/sh -c 'pdu-ctl cycle 7'", "native eject"};
  EXPECT_EQ(log, expected);
}

DutIdentity with(std::string serial, std::string wwn) {
  DutIdentity identity;
  identity.serial = std::move(serial);
  identity.wwn = std::move(wwn);
  return identity;
}

TEST(Identity, SerialDecidesAndWwnIsTheFallback) {
  EXPECT_TRUE(same_identity(with("S1", ""), with("S1", "x")));
  EXPECT_FALSE(same_identity(with("S1", ""), with("S2", "")));
  EXPECT_TRUE(same_identity(with("", "5000c5"), with("", "5000c5")));
  EXPECT_FALSE(same_identity(with("", ""), with("", "")));
}

}  // namespace
}  // namespace dextqual::platform
