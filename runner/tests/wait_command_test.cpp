// `dextqual wait` (issue 10 §4): a run that ended gives its exit code and summary; one still waiting for
// its host reboot gives exit 5 naming the test that asked; a state directory without a run is exit 2.
#include "runner/wait_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "runner/exit_status.h"
#include "runner/journal.h"
#include "runner/run_state.h"

namespace dextqual::runner {
namespace {

class WaitCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dextqual-wait-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void journal(const std::vector<nlohmann::json>& events) {
    auto writer = JournalWriter::open(dir_ / "journal.jsonl");
    ASSERT_TRUE(writer.has_value());
    for (const auto& event : events) ASSERT_TRUE(writer->append(event).has_value());
  }
  int wait(double timeout_s) {
    out_.str("");
    err_.str("");
    return wait_command({dir_, timeout_s, 0.05}, out_, err_, {});
  }

  static nlohmann::json run() {
    return RunState::run_event({.id = "r1"}, {}, {},
                               {{"persistence", "/bin/p", {"Reboot.Phase1", "Reboot.Phase2"}}});
  }
  static nlohmann::json result(const std::string& test, reports::Verdict verdict) {
    return RunState::result_event({.suite = "persistence", .name = test, .verdict = verdict});
  }

  std::filesystem::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(WaitCommand, AFinishedRunGivesItsExitCodeAndSummary) {
  journal({run(), result("Reboot.Phase1", reports::Verdict::pass),
           result("Reboot.Phase2", reports::Verdict::fail), RunState::end_event("finished", "t")});
  EXPECT_EQ(wait(1), kTestFailures);
  EXPECT_NE(out_.str().find("1 passed, 1 failed"), std::string::npos) << out_.str();
}

TEST_F(WaitCommand, ARunWaitingForItsRebootTimesOutNamingTheTest) {
  journal({run(), result("Reboot.Phase1", reports::Verdict::pass),
           RunState::reboot_event("Reboot.Phase1", "2026-12-02T07:00:00Z", "another-boot")});
  EXPECT_EQ(wait(0.2), kStillRunning);
  EXPECT_NE(err_.str().find(
                "still waiting for the host reboot requested by Reboot.Phase1 since 2026-12-02T07:00:00Z"),
            std::string::npos)
      << err_.str();
  EXPECT_NE(err_.str().find("the host has rebooted since"), std::string::npos) << err_.str();
}

TEST_F(WaitCommand, ARunThatEndsWhileWaitingIsSeen) {
  journal({run(), result("Reboot.Phase1", reports::Verdict::pass),
           RunState::reboot_event("Reboot.Phase1", "t", "b")});
  std::thread resumer([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    journal({RunState::resume_event("t2", "b2"), result("Reboot.Phase2", reports::Verdict::pass),
             RunState::end_event("finished", "t3")});
  });
  EXPECT_EQ(wait(30), kAllPassed) << err_.str();
  resumer.join();
}

TEST_F(WaitCommand, NoJournalOrGarbageIsAUsageError) {
  EXPECT_EQ(wait(1), kUsageError);
  EXPECT_NE(err_.str().find("no run to wait for"), std::string::npos);
  std::ofstream(dir_ / "journal.jsonl") << "this is not\na journal {\n";
  EXPECT_EQ(wait(1), kUsageError);
  EXPECT_NE(err_.str().find("has no run event"), std::string::npos) << err_.str();
}

TEST(RunStateReboot, WaitingIsShownUntilTheResume) {
  RunState state;
  state.apply(RunState::run_event({.id = "r"}, {}, {}, {{"p", "/bin/p", {"R.Phase1", "R.Phase2"}}}));
  state.apply(RunState::result_event({.suite = "p", .name = "R.Phase1", .verdict = reports::Verdict::pass}));
  state.apply(RunState::reboot_event("R.Phase1", "T0", "b"));
  ASSERT_TRUE(state.waiting_for_reboot().has_value());
  auto report = state.snapshot();
  EXPECT_EQ(report.run.properties["waiting_for_reboot"], "the host reboot requested by R.Phase1 since T0");
  EXPECT_EQ(report.suites[0].tests[1].message,
            "not run yet: waiting for the host reboot requested by R.Phase1 since T0");
  state.apply(RunState::resume_event("T1", "b2"));
  EXPECT_FALSE(state.waiting_for_reboot().has_value());
  state.apply(RunState::reboot_event("R.Phase1", "T2", "b2"));
  state.apply(RunState::reboot_failed_event("R.Phase1", "hook failed", "T3"));
  EXPECT_FALSE(state.waiting_for_reboot().has_value());
}

}  // namespace
}  // namespace dextqual::runner
