// The DUT handle hands out what the DUT has and says why not otherwise; the device-event requirements
// carry the event's name into the skip reason the coverage gate counts (contract/capabilities.h).
#include "testing/dut_handle.h"

#include <gtest/gtest.h>

#include "contract/capabilities.h"

namespace dextqual::testing {
namespace {

TEST(DutHandle, RawAndBufferedNodesComeFromTheDescription) {
  DutDescription description;
  description.raw_node = "/dev/rdisk5";
  description.buffered_node = "/dev/disk5";
  description.logical_block_size = 4096;
  description.capacity_blocks = 16;
  DutHandle handle(description);
  auto raw = handle.raw();
  ASSERT_TRUE(raw) << raw.error().message();
  EXPECT_EQ(raw->path, "/dev/rdisk5");
  EXPECT_EQ(raw->cache, BlockNode::Cache::bypassed);
  EXPECT_EQ(raw->capacity_bytes, 65536u);
  auto buffered = handle.buffered();
  ASSERT_TRUE(buffered) << buffered.error().message();
  EXPECT_EQ(buffered->path, "/dev/disk5");
  EXPECT_EQ(buffered->cache, BlockNode::Cache::used);
}

TEST(DutHandle, WhatTheDutLacksIsAnErrorWithTheReason) {
  set_dut(DutDescription{});  // the requirements read the binary's DUT
  DutDescription description;
  DutHandle handle(description);
  auto raw = handle.raw();
  ASSERT_FALSE(raw);
  EXPECT_NE(raw.error().message().find("the DUT has no raw block node"), std::string::npos)
      << raw.error().message();
  auto initiator = handle.scsi();
  ASSERT_FALSE(initiator);
  EXPECT_NE(initiator.error().message().find("no SCSI pass-through"), std::string::npos)
      << initiator.error().message();
}

TEST(DutHandle, APlainDiskWithoutHooksCannotBeCutAndSaysSo) {
  DutDescription description;
  description.kind = DutKind::linux_block;
  description.raw_node = "/dev/dq-no-such-disk";
  set_dut(description);
  const auto why = requirement::power_cut_supported();
  ASSERT_TRUE(why);
  EXPECT_TRUE(why->starts_with("power-cut on this DUT: ")) << *why;
  EXPECT_NE(why->find("power_cycle"), std::string::npos) << *why;  // names the hook that would do it
}

// REQUIRE_DUT spells the requirement by the predicate's name; it must be the one the capability table
// lists, or a skip would count against no capability.
TEST(DutHandle, DeviceEventRequirementsBelongToTheirCapabilities) {
  for (const auto& [requirement, capability] :
       {std::pair{"power_cut_supported", "power-cut"}, std::pair{"restart_supported", "reboot"},
        std::pair{"eject_supported", "hotplug"}, std::pair{"detach_supported", "hotplug"},
        std::pair{"attach_supported", "hotplug"}}) {
    const auto* found = contract::capability_of_requirement(requirement);
    ASSERT_NE(found, nullptr) << requirement;
    EXPECT_EQ(found->name, capability) << requirement;
  }
}

}  // namespace
}  // namespace dextqual::testing
