// Linux: arming is a unit file in the unit folder plus `systemctl enable`; disarming `systemctl disable`
// plus removing the file, whatever systemctl says (issue 10 §4). Through the seam, into a temporary folder.
#include <gtest/gtest.h>

#include "runner/boot_resume.h"
#include "runner/tests/recording_system.h"

namespace dextqual::runner {
namespace {

BootResumeSpec safe_spec() {
  return {"0123abcd", "/opt/dextqual/bin/dextqual", "/var/lib/dextqual/run-1", {}};
}

TEST(BootResume, ArmWritesAndEnablesDisarmDisablesAndRemoves) {
  TemporaryUnitDir units;
  RecordingSystem system;
  ASSERT_TRUE(arm_boot_resume(safe_spec(), system.command()).has_value());
  const auto unit = boot_unit_path("0123abcd");
  EXPECT_EQ(unit.parent_path(), units.path());
  EXPECT_TRUE(std::filesystem::exists(unit));
  ASSERT_TRUE(disarm_boot_resume("0123abcd", system.command()).has_value());
  EXPECT_FALSE(std::filesystem::exists(unit));
  EXPECT_EQ(system.lines(), (std::vector<std::string>{"systemctl enable dextqual-resume-0123abcd.service",
                                                      "systemctl disable dextqual-resume-0123abcd.service"}));
  ASSERT_TRUE(disarm_boot_resume("0123abcd", system.command()).has_value());
  EXPECT_EQ(system.lines().size(), 2u) << "nothing armed: nothing run";
}

TEST(BootResume, DisarmRemovesTheUnitEvenWhenSystemctlFails) {
  TemporaryUnitDir units;
  RecordingSystem system;
  ASSERT_TRUE(arm_boot_resume(safe_spec(), system.command()).has_value());
  system.fail_with(1);
  EXPECT_FALSE(disarm_boot_resume("0123abcd", system.command()).has_value());
  EXPECT_FALSE(std::filesystem::exists(boot_unit_path("0123abcd")));
}

}  // namespace
}  // namespace dextqual::runner
