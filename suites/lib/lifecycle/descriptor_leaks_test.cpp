// A descriptor that stays is a leak, named by its target; one that is open only for a moment is not.
#include "lifecycle/descriptor_leaks.h"

#include <gtest/gtest.h>

namespace dextqual::lifecycle {
namespace {

TEST(DescriptorLeaks, NewAndReusedDescriptorsAreNamed) {
  const OpenDescriptors before{{0, "/dev/null"}, {3, "/run/journal"}};
  const OpenDescriptors after{{0, "/dev/null"}, {3, "/dev/sdb"}, {6, "pipe:[42]"}};
  EXPECT_EQ(new_descriptors(before, after),
            (std::vector<std::string>{"fd 3 -> /dev/sdb", "fd 6 -> pipe:[42]"}));
  const OpenDescriptors closed_one{{0, "/dev/null"}};
  EXPECT_TRUE(new_descriptors(before, closed_one).empty()) << "a closed descriptor is no leak";
}

TEST(DescriptorLeaks, ADescriptorThatStaysIsALeak) {
  const OpenDescriptors before{{0, "/dev/null"}};
  int listings = 0;
  const auto leaked = leaked_descriptors(
      before,
      [&] {
        ++listings;
        return OpenDescriptors{{0, "/dev/null"}, {5, "/dev/sda"}};
      },
      std::chrono::milliseconds(300));
  EXPECT_EQ(leaked, std::vector<std::string>{"fd 5 -> /dev/sda"});
  EXPECT_GT(listings, 1) << "looked again before calling it a leak";
}

TEST(DescriptorLeaks, ADescriptorOpenForAMomentIsNot) {
  const OpenDescriptors before{{0, "/dev/null"}};
  int listings = 0;
  const auto leaked = leaked_descriptors(before, [&] {
    return ++listings == 1 ? OpenDescriptors{{0, "/dev/null"}, {6, "/run/dq/progress.json.tmp"}} : before;
  });
  EXPECT_TRUE(leaked.empty());
  EXPECT_EQ(listings, 2);
}

}  // namespace
}  // namespace dextqual::lifecycle
