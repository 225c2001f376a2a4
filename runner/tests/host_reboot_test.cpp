// The runner's half of the reboot contract on real hardware (issue 10 §4), with the system seam recording
// instead of rebooting: journal first, then the boot job, then the reboot hook; any failure journaled,
// disarmed and the request dropped, so the later phase fails with the reason.
#include "runner/host_reboot.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "contract/run_contract.h"
#include "runner/tests/recording_system.h"

namespace dextqual::runner {
namespace {

struct Fixture {
  TemporaryUnitDir units;
  RecordingSystem system;
  std::filesystem::path state = units.path() / "state";
  std::vector<nlohmann::json> journal;
  RebootContext context{"r1", [this](const nlohmann::json& event) -> Status {
                          journal.push_back(event);
                          return {};
                        }};

  Fixture() { std::filesystem::create_directories(state); }
  // An empty hook: the station has none (the OS's reboot command runs).
  HostRebootSettings settings(const std::string& hook) {
    HostRebootSettings settings;
    settings.state_dir = state;
    settings.dut_node = "/dev/null";
    if (!hook.empty()) settings.reboot_hook = station::HookSpec{"reboot", hook, station::kDefaultHookTimeout};
    settings.system = system.command();
    settings.dextqual = "/opt/dextqual/bin/dextqual";
    return settings;
  }
  void request() {
    ASSERT_TRUE(
        contract::write_reboot_request(state, {"Reboot.Phase1WriteAndFlush", "phase.json"}).has_value());
  }
};

TEST(HostReboot, NothingRequestedDoesNothing) {
  Fixture f;
  EXPECT_EQ(reboot_host(f.settings("touch marker"), f.context).step, RebootStep::nothing_requested);
  EXPECT_TRUE(f.system.lines().empty());
  EXPECT_TRUE(f.journal.empty());
}

TEST(HostReboot, JournalsArmsThenCallsTheStationHook) {
  Fixture f;
  f.request();
  const auto outcome = reboot_host(f.settings("touch /tmp/marker"), f.context);
  EXPECT_EQ(outcome.step, RebootStep::host_going_down) << outcome.note;
  ASSERT_EQ(f.journal.size(), 1u);
  EXPECT_EQ(f.journal[0]["event"], "reboot");
  EXPECT_EQ(f.journal[0]["requested_by"], "Reboot.Phase1WriteAndFlush");
  EXPECT_EQ(f.system.lines(), (std::vector<std::string>{"systemctl enable dextqual-resume-r1.service",
                                                        "/bin/sh -c 'touch /tmp/marker'"}));
  EXPECT_TRUE(std::filesystem::exists(boot_unit_path("r1")));
  EXPECT_NE(outcome.note.find("dextqual wait --state"), std::string::npos);
}

TEST(HostReboot, WithoutAHookTheOsRebootCommandIsUsed) {
  Fixture f;
  f.request();
  EXPECT_EQ(reboot_host(f.settings(""), f.context).step, RebootStep::host_going_down);
  EXPECT_EQ(f.system.lines().back(), "systemctl reboot");
}

TEST(HostReboot, AFailingHookIsJournaledAndDisarmed) {
  Fixture f;
  f.request();
  f.system.fail_when("/bin/sh");
  const auto outcome = reboot_host(f.settings("false"), f.context);
  EXPECT_EQ(outcome.step, RebootStep::failed);
  EXPECT_NE(outcome.note.find("exited with code 1"), std::string::npos) << outcome.note;
  ASSERT_EQ(f.journal.size(), 2u);
  EXPECT_EQ(f.journal[1]["event"], "reboot-failed");
  EXPECT_FALSE(std::filesystem::exists(boot_unit_path("r1")));
  EXPECT_FALSE(std::filesystem::exists(contract::RebootFiles::under(f.state).request));
}

TEST(HostReboot, AStateDirectoryOnTheDutIsFound) {
  struct stat tmp {};
  ASSERT_EQ(::stat("/tmp", &tmp), 0);
  const std::vector<DeviceNumber> dut = {{"/dev/loop7", tmp.st_dev + 1}, {"/dev/loop7p1", tmp.st_dev}};
  EXPECT_EQ(device_holding(tmp.st_dev, dut), "/dev/loop7p1");
  EXPECT_EQ(device_holding(tmp.st_dev + 2, dut), std::nullopt);
}

}  // namespace
}  // namespace dextqual::runner
