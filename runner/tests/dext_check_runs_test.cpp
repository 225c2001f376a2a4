// The runner and the DEXT under test (issue 12 §2, field report F11), end to end: the real `dextqual`
// binary with `--dext`, fed recorded `systemextensionsctl list` outputs through the test seam
// DEXTQUAL_TEST_SYSTEMEXTENSIONSCTL_OUTPUT. A DEXT that is not [activated enabled] stops the run with
// exit 2 before anything is written; an enabled one puts its version into junit.xml and summary.json.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "runner/dext_check.h"
#include "runner/tests/runner_harness.h"

namespace dextqual::runner::testing {
namespace {

RunnerRun run_with_listing(const std::string& name, const std::string& listing,
                           const std::string& bundle_id) {
  const auto dir = scratch_dir(name);
  auto spec = dextqual_spec({"run", "--no-dut", "--suites", "fakepass", "--dext", bundle_id, "--report-dir",
                             (dir / "report").string()});
  spec.env[kSystemExtensionsReplayVariable] =
      std::string(DEXTQUAL_SOURCE_FIXTURES) + "/macos/systemextensionsctl/" + listing;
  return read_run(process::run_child(spec), dir / "report");
}

TEST(DextCheckRuns, ADextWaitingForTheUserStopsTheRunWithExit2AndWritesNothing) {
  const auto run = run_with_listing("dext-waiting", "handwritten-scsi-dext-waiting-for-user.stdout",
                                    "com.acme.driverkit.scsi");
  EXPECT_EQ(run.outcome.exit_code, 2) << run.console();
  EXPECT_NE(run.console().find("com.acme.driverkit.scsi, is 2.1.0/210 [activated waiting for user]"),
            std::string::npos)
      << run.console();
  EXPECT_NE(run.console().find("allow it in System Settings"), std::string::npos) << run.console();
  EXPECT_FALSE(std::filesystem::exists(run.report_dir)) << "a refused run writes nothing";
}

TEST(DextCheckRuns, ANonDriverOrAnAbsentDextStopsTheRunWithExit2) {
  // Real capture (RamenDR/ramen): the terminated CrowdStrike agent is an endpoint-security extension.
  const auto terminated = run_with_listing("dext-terminated", "ramen-terminated-waiting-to-uninstall.stdout",
                                           "com.crowdstrike.falcon.Agent");
  EXPECT_EQ(terminated.outcome.exit_code, 2) << terminated.console();
  EXPECT_NE(terminated.console().find("not com.apple.system_extension.driver_extension"), std::string::npos)
      << terminated.console();
  const auto absent =
      run_with_listing("dext-absent", "ramen-no-extensions.stdout", "com.acme.driverkit.scsi");
  EXPECT_EQ(absent.outcome.exit_code, 2) << absent.console();
  EXPECT_NE(absent.console().find("is not in `systemextensionsctl list`"), std::string::npos)
      << absent.console();
  EXPECT_FALSE(std::filesystem::exists(absent.report_dir));
}

TEST(DextCheckRuns, AnEnabledDextRunsAndItsVersionIsInEveryReport) {
  const auto run =
      run_with_listing("dext-enabled", "handwritten-scsi-dext-replaced.stdout", "com.acme.driverkit.scsi");
  ASSERT_EQ(run.outcome.exit_code, 0) << run.console();
  ASSERT_TRUE(run.summary.is_object());
  const auto& properties = run.summary["run"]["properties"];
  EXPECT_EQ(properties.value("dext.version", ""), "2.1.0/210") << properties.dump();
  EXPECT_EQ(properties.value("dext.state", ""), "activated enabled");
  EXPECT_EQ(properties.value("dext.team_id", ""), "ACME123456");
  EXPECT_EQ(properties.value("dext.other_entries", ""),
            "2.0.3/203 [terminated waiting to uninstall on reboot]");
  std::ifstream junit(run.report_dir / "junit.xml");
  std::stringstream text;
  text << junit.rdbuf();
  EXPECT_NE(text.str().find("name=\"run.dext.version\" value=\"2.1.0/210\""), std::string::npos)
      << text.str();
  EXPECT_EQ(run.junit_problems, "");
}

TEST(DextCheckRuns, WithoutTheSeamLinuxSaysDextChecksAreMacosOnly) {
  const auto dir = scratch_dir("dext-linux");
  auto spec = dextqual_spec({"run", "--no-dut", "--suites", "fakepass", "--dext", "com.acme.driverkit.scsi",
                             "--report-dir", (dir / "report").string()});
  spec.env_unset.push_back(kSystemExtensionsReplayVariable);
  const auto run = read_run(process::run_child(spec), dir / "report");
#if defined(__linux__)
  EXPECT_EQ(run.outcome.exit_code, 2) << run.console();
  EXPECT_NE(run.console().find("DEXT checks are macOS-only"), std::string::npos) << run.console();
#else
  GTEST_SKIP() << "on macOS this lists the host's real system extensions";
#endif
}

}  // namespace
}  // namespace dextqual::runner::testing
