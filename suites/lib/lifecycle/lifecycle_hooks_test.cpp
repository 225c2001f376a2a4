// Guards the station hooks (issue 7): an absent hook skips with the hook's name as the reason, a
// present one runs through the shell, and after a power_cycle hook `attach` only waits.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "lifecycle/lifecycle_device.h"
#include "station/station_error.h"

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

// Issue 10 §3: the hook's own timeout reaches the process wrapper, its output the test's log, and a
// failure is an Error with the exit status plus the line that makes the runner record ERROR.
TEST(StationHooks, AFailingHookIsAStationErrorWithItsExitStatusAndItsOutputInTheLog) {
  std::vector<CommandLine> seen;
  CommandRunner runner = [&seen](const CommandLine& command) -> Result<CommandOutput> {
    seen.push_back(command);
    return CommandOutput{3, "cutting outlet 7\n", "relay did not answer\n"};
  };
  std::vector<std::string> log;
  DutDescription dut;
  dut.hooks["power_cycle"] = "pdu-ctl cycle 7";
  dut.hook_timeouts_s["power_cycle"] = 42;
  std::ostringstream test_log;
  const auto lifecycle = with_station_hooks(std::make_unique<EjectOnly>(&log), dut, runner, test_log);
  const auto cut = lifecycle->apply(DeviceEvent::power_cut);
  ASSERT_FALSE(cut.has_value());
  EXPECT_NE(cut.error().message().find("station hook power_cycle failed: exit status 3"), std::string::npos)
      << cut.error().message();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].timeout, std::chrono::seconds(42));
  EXPECT_NE(test_log.str().find("cutting outlet 7"), std::string::npos) << test_log.str();
  EXPECT_NE(test_log.str().find("relay did not answer"), std::string::npos) << test_log.str();
  EXPECT_EQ(station::station_error_in(test_log.str()), "station hook power_cycle failed: exit status 3");
}

TEST(StationHooks, AHookThatDidNotCompleteIsAStationErrorToo) {
  CommandRunner runner = [](const CommandLine&) -> Result<CommandOutput> {
    return fail("/bin/sh -c 'pdu'", "timed out after 42s");
  };
  std::vector<std::string> log;
  DutDescription dut;
  dut.hooks["replug"] = "pdu";
  std::ostringstream test_log;
  const auto lifecycle = with_station_hooks(std::make_unique<EjectOnly>(&log), dut, runner, test_log);
  ASSERT_FALSE(lifecycle->apply(DeviceEvent::detach).has_value());
  const auto reason = station::station_error_in(test_log.str());
  ASSERT_TRUE(reason.has_value()) << test_log.str();
  EXPECT_NE(reason->find("timed out after 42s"), std::string::npos) << *reason;
}

}  // namespace
}  // namespace dextqual::platform
