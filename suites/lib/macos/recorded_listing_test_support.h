// For the tests of suites/lib/macos/: a recorded `diskutil list -plist` (fixtures/macos/...) parsed,
// with a test failure when it does not parse (then an empty listing, which the test fails on too).
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "macos/diskutil_info.h"
#include "macos/replayed_commands.h"

namespace dextqual::macos {

inline std::vector<DiskutilWholeDisk> recorded_listing(const char* fixture) {
  auto disks = parse_diskutil_list(recorded(fixture));
  EXPECT_TRUE(disks) << fixture << ": " << disks.error().message();
  return disks ? *disks : std::vector<DiskutilWholeDisk>{};
}

}  // namespace dextqual::macos
