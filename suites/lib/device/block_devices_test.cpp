#include "device/block_devices.h"

#include <gtest/gtest.h>

#include "device/block_devices_test_support.h"
#include "device/find_again.h"

namespace dextqual::device {
namespace {

using namespace std::chrono_literals;

TEST(BlockDevices, SystemDisksAreTheDisksBehindSystemMountsAndSwap) {
  const std::vector<BlockDevice> devices = {disk("sda", "A"), partition("sda1", "sda"),
                                            disk("sdb", "B"), partition("sdb1", "sdb"),
                                            disk("sdc", "C"), disk("sdd", "D")};
  const std::vector<Mount> mounts = {{"sda1", "/"}, {"sdb1", "/mnt/data"}, {"sdc", "[swap]"}, {"sda1", "/"}};
  EXPECT_EQ(system_disks_among(devices, mounts), (std::vector<std::string>{"sda", "sdc"}));
}

TEST(BlockDevices, DisksWithIdentityNeverListAPartition) {
  auto part = partition("sdb1", "sdb");
  part.identity.serial = "B";
  const std::vector<BlockDevice> devices = {disk("sda", "A"), disk("sdb", "B"), part};
  const auto found = disks_with_identity(devices, disk("x", "B").identity);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().name, "sdb");
}

FindOptions fake_host(std::vector<BlockDevice> devices) {
  FindOptions options;
  options.budget = 0ms;
  options.list = [devices] { return Result<std::vector<BlockDevice>>(devices); };
  options.usable = [](const BlockDevice&) { return true; };
  return options;
}

TEST(FindAgain, FindsTheDiskUnderItsNewNameBySerial) {
  auto found = find_again(disk("sdb", "B").identity, fake_host({disk("sda", "A"), disk("sdf", "B")}));
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->node, "/dev/sdf");
}

TEST(FindAgain, FindsADiskKnownOnlyByWwnWhateverTheSpelling) {
  auto found = find_again(disk("sdb", "", "5000c5001234abcd").identity,
                          fake_host({disk("sda", "A"), disk("sdg", "", "naa.5000C5001234ABCD")}));
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->node, "/dev/sdg");
}

TEST(FindAgain, RefusesTwoDisksWithTheIdentity) {
  auto found = find_again(disk("sdb", "B").identity, fake_host({disk("sdb", "B"), disk("sdc", "B")}));
  ASSERT_FALSE(found);
  EXPECT_NE(found.error().message().find("2 disks"), std::string::npos) << found.error().message();
}

TEST(FindAgain, AnIdentityWithNeitherSerialNorWwnIsNeverFound) {
  EXPECT_FALSE(find_again(DutIdentity{}, fake_host({disk("sda", "")})));
}

TEST(FindAgain, WaitsForTheDiskToBecomeUsableAndSaysWhatItSawAtTheDeadline) {
  auto options = fake_host({disk("sdb", "B")});
  options.budget = 30ms;
  options.poll = 5ms;
  int calls = 0;
  options.usable = [&calls](const BlockDevice&) { return ++calls >= 3; };
  auto found = find_again(disk("sdb", "B").identity, options);
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(calls, 3);
  options.usable = [](const BlockDevice&) { return false; };
  found = find_again(disk("sdb", "B").identity, options);
  ASSERT_FALSE(found);
  EXPECT_NE(found.error().message().find("does not open yet"), std::string::npos) << found.error().message();
}

}  // namespace
}  // namespace dextqual::device
