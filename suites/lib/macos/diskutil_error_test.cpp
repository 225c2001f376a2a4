// Guards how a diskutil failure is read: the `Error: -698xx` line on stderr beside localized progress
// prose, and the error dict of -plist verbs (MACOS.md §4, §7; F3's -69825). The verb outputs are
// hand-written: no public capture of them was found (fixtures README).
#include "macos/diskutil_error.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(DiskutilError, WipeFailureOnStderrIsF3sCode) {
  const auto error = diskutil_error(
      {1, recorded("diskutil/partitionDisk-69825.stdout"), recorded("diskutil/partitionDisk-69825.stderr")});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, -69825);
  EXPECT_EQ(error->message, "Wiping volume data to prevent future accidental probing failed");
  EXPECT_NE(error->describe().find("F3"), std::string::npos) << error->describe();
}

TEST(DiskutilError, LocalizedProgressWithExitZeroIsSuccess) {
  EXPECT_FALSE(diskutil_error({0, recorded("diskutil/partitionDisk-ok.stdout"), ""}).has_value());
  EXPECT_FALSE(diskutil_error({0, recorded("diskutil/eject-ok.stdout"), ""}).has_value());
}

TEST(DiskutilError, ErrorDictCarriesItsExitCode) {
  const auto error = diskutil_error({1, recorded("diskutil/info-not-found.plist"), ""});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->exit_code, 1);
  EXPECT_NE(error->message.find("Could not find disk"), std::string::npos);
}

TEST(DiskutilError, RealPlistWithExitZeroIsNoError) {
  EXPECT_FALSE(diskutil_error({0, recorded("diskutil/hst-imager/info-disk0.plist"), ""}).has_value());
}

}  // namespace
}  // namespace dextqual::macos
