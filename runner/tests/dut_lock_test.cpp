#include "runner/dut_lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

DutIdentity with_serial(const std::string& serial) {
  DutIdentity identity;
  identity.serial = serial;
  return identity;
}
DutIdentity with_wwn(const std::string& wwn) {
  DutIdentity identity;
  identity.wwn = wwn;
  return identity;
}

class DutLockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dextqual-lock-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static LockHolder holder(const std::string& run_id) {
    LockHolder holder;
    holder.pid = static_cast<int>(::getpid());
    holder.run_id = run_id;
    holder.started_at = "2026-12-02T07:00:00Z";
    return holder;
  }
  fs::path dir_;
  DutIdentity disk_ = with_serial("SN 0042/A");
};

TEST_F(DutLockTest, ASecondRunIsRefusedWithTheHolderNamed) {
  auto first = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-one"));
  ASSERT_TRUE(first) << first.error().message();
  auto second = DutLock::acquire(dir_, disk_, "/dev/sdc", holder("run-two"));
  ASSERT_FALSE(second);
  const auto message = second.error().message();
  EXPECT_NE(message.find("another run"), std::string::npos) << message;
  EXPECT_NE(message.find("pid " + std::to_string(::getpid())), std::string::npos) << message;
  EXPECT_NE(message.find("run run-one"), std::string::npos) << message;
  EXPECT_NE(message.find("2026-12-02T07:00:00Z"), std::string::npos) << message;
}

TEST_F(DutLockTest, ADifferentDiskIsNotHeldUp) {
  auto first = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-one"));
  ASSERT_TRUE(first);
  auto other = DutLock::acquire(dir_, with_serial("OTHER"), "/dev/sdc", holder("run-two"));
  EXPECT_TRUE(other) << other.error().message();
}

TEST_F(DutLockTest, AFinishedRunLeavesNothingStale) {
  {
    auto first = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-one"));
    ASSERT_TRUE(first);
  }
  auto next = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-two"));
  ASSERT_TRUE(next) << next.error().message();
  EXPECT_EQ(next->takeover_note(), "");
}

TEST_F(DutLockTest, TheRecordOfADeadRunIsTakenOverWithANote) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / lock_file_name(disk_, "/dev/sdb"))
      << R"({"pid": 999999, "run_id": "dead-run", "started_at": "2026-12-01T00:00:00Z"})"
      << "\n";
  auto next = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-two"));
  ASSERT_TRUE(next) << next.error().message();
  EXPECT_NE(next->takeover_note().find("stale"), std::string::npos) << next->takeover_note();
  EXPECT_NE(next->takeover_note().find("pid 999999, run dead-run"), std::string::npos)
      << next->takeover_note();
}

TEST_F(DutLockTest, TheSameRunResumingTakesItsLockSilently) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / lock_file_name(disk_, "/dev/sdb")) << R"({"pid": 999999, "run_id": "run-one"})"
                                                          << "\n";
  auto resumed = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-one"));
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->takeover_note(), "");
}

TEST_F(DutLockTest, AGarbledRecordIsNoObstacle) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / lock_file_name(disk_, "/dev/sdb")) << "\x01\x02 not json";
  auto next = DutLock::acquire(dir_, disk_, "/dev/sdb", holder("run-two"));
  ASSERT_TRUE(next) << next.error().message();
}

TEST(DutLockName, NamesTheIdentityNotThePath) {
  EXPECT_EQ(lock_file_name(with_serial("SN 0042/A"), "/dev/sdb"), "serial-SN_0042_A.lock");
  // A WWN is one identity however it is spelled (sysfs "naa.5000C500...", VPD 83h hex).
  EXPECT_EQ(lock_file_name(with_wwn("naa.5000C5001234ABCD"), "/dev/sdb"),
            lock_file_name(with_wwn("5000c5001234abcd"), "/dev/sdc"));
  EXPECT_EQ(lock_file_name(DutIdentity{}, "/dev/sdb"), "node-_dev_sdb.lock");
  const std::string long_serial(300, 'x');
  EXPECT_LE(lock_file_name(with_serial(long_serial), "").size(), 255u);
}

}  // namespace
}  // namespace dextqual::runner
