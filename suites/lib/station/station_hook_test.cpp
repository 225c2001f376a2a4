// Guards running station hooks (issue 10 §3): through the process wrapper with the hook's timeout, the
// output in the caller's log, a failure an Error carrying the exit status; and the station-error line
// by which a suite test tells the runner that the station, not the DUT, failed it.
#include "station/station_hook.h"

#include <gtest/gtest.h>

#include <sstream>

#include "station/station_error.h"

namespace dextqual::station {
namespace {

using namespace std::chrono_literals;

TEST(StationHook, OutputGoesToTheLogAndSuccessIsOk) {
  std::ostringstream log;
  auto ran = run_station_hook({"pre_run", "echo checked $DEXTQUAL_HOOK; echo on-stderr >&2", 10s}, log);
  ASSERT_TRUE(ran.has_value()) << ran.error().message();
  EXPECT_NE(log.str().find("checked pre_run"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("on-stderr"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("station hook pre_run: exit status 0"), std::string::npos) << log.str();
}

TEST(StationHook, ANonZeroExitIsAnErrorWithTheExitStatus) {
  std::ostringstream log;
  auto ran = run_station_hook({"power_cycle", "echo relay stuck; exit 3", 10s}, log);
  ASSERT_FALSE(ran.has_value());
  EXPECT_NE(ran.error().message().find("station hook power_cycle failed: exit status 3"), std::string::npos)
      << ran.error().message();
  EXPECT_NE(log.str().find("relay stuck"), std::string::npos) << log.str();
}

TEST(StationHook, AHookPastItsTimeoutIsKilledAndAnError) {
  std::ostringstream log;
  const auto started = std::chrono::steady_clock::now();
  auto ran = run_station_hook({"post_run", "sleep 30", 300ms}, log);
  ASSERT_FALSE(ran.has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  EXPECT_NE(ran.error().message().find("station hook post_run failed: timed out"), std::string::npos)
      << ran.error().message();
}

TEST(StationHook, TheDutDescriptionCarriesCommandsAndTimeouts) {
  DutDescription dut;
  set_hooks(dut, {{"power_cycle", {"pdu 7", 120s}}, {"replug", {"relay 3", kDefaultHookTimeout}}});
  auto back = dut_from_json(to_json(dut));
  ASSERT_TRUE(back.has_value()) << back.error().message();
  auto hook = find_hook(*back, "power_cycle");
  ASSERT_TRUE(hook.has_value());
  EXPECT_EQ(hook->command, "pdu 7");
  EXPECT_EQ(hook->timeout, 120s);
  EXPECT_FALSE(find_hook(*back, "reboot").has_value());
  // A dut.json written before timeouts existed: the default.
  DutDescription old;
  old.hooks["replug"] = "relay 3";
  EXPECT_EQ(find_hook(old, "replug")->timeout, kDefaultHookTimeout);
}

TEST(StationError, TheMarkedReasonIsFoundOnlyAtTheStartOfALine) {
  const std::string output = "some output\n" +
                             station_error_line("station hook replug failed:\nexit status 4") +
                             "file.cpp:12: Failure\n";
  EXPECT_EQ(station_error_in(output), "station hook replug failed: exit status 4");
  EXPECT_FALSE(station_error_in("a test that quotes " + std::string(kStationErrorMarker) + "x").has_value());
  EXPECT_FALSE(station_error_in("plain failure\n").has_value());
}

}  // namespace
}  // namespace dextqual::station
