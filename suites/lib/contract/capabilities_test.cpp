#include "contract/capabilities.h"

#include <gtest/gtest.h>

#include <set>

namespace dextqual::contract {
namespace {

// Every spelling of one requirement must read back as one name, or a skip escapes the gate.
TEST(Capabilities, EveryMacroSpellingReadsBackAsThePlainName) {
  EXPECT_EQ(requirement_name_of("data_loss_allowed"), "data_loss_allowed");
  EXPECT_EQ(requirement_name_of("requirement::data_loss_allowed()"), "data_loss_allowed");
  EXPECT_EQ(requirement_name_of("scsi_passthrough()"), "scsi_passthrough");
  EXPECT_EQ(requirement_name_of("capacity_at_least(1 << 30)"), "capacity_at_least");
  EXPECT_EQ(requirement_name_of("requirement::capacity_at_least((kDirtySectors + 4096) * 512)"),
            "capacity_at_least");
  // The rest of a source line after REQUIRE_DUT( (dextqual list reads the test's source).
  EXPECT_EQ(requirement_name_of("power_cut_supported);"), "power_cut_supported");
  EXPECT_EQ(requirement_name_of("raw_node);  // O_DIRECT"), "raw_node");
}

TEST(Capabilities, SkipMessagesNameTheirRequirement) {
  EXPECT_EQ(requirement_of_skip("requires data_loss_allowed: destructive test; pass --allow-data-loss"),
            "data_loss_allowed");
  EXPECT_EQ(requirement_of_skip("requires power_cut_supported: power-cut on this DUT: no hook"),
            "power_cut_supported");
  EXPECT_EQ(requirement_of_skip("requires requirement::data_loss_allowed(): no"), "data_loss_allowed");
  EXPECT_EQ(requirement_of_skip("READ(6) has no FUA bit"), std::nullopt);
  EXPECT_EQ(requirement_of_skip("requires nothing in particular"), std::nullopt);
  EXPECT_EQ(requirement_of_skip("not run: the run ended before this test (aborted)"), std::nullopt);
}

TEST(Capabilities, TheIssuesCapabilitiesMapFromTheirRequirements) {
  const std::pair<const char*, std::string_view> expected[] = {
      {"destructive", requirement_name::data_loss_allowed},
      {"passthrough", requirement_name::scsi_passthrough},
      {"power-cut", requirement_name::power_cut_supported},
      {"reboot", requirement_name::reboot_supported},
      {"hotplug", requirement_name::detach_supported},
      {"hotplug", requirement_name::eject_supported}};
  for (const auto& [capability, requirement] : expected) {
    const Capability* found = capability_of_requirement(requirement);
    ASSERT_NE(found, nullptr) << requirement;
    EXPECT_EQ(found->name, capability) << requirement;
    EXPECT_EQ(find_capability(capability), found);
  }
  EXPECT_EQ(capability_of_requirement("dut_present"), nullptr);
  EXPECT_EQ(find_capability("teleport"), nullptr);
}

TEST(Capabilities, ARequirementBelongsToOneCapabilityAndNamesAreUnique) {
  std::set<std::string_view> names;
  std::set<std::string_view> requirements;
  for (const auto& capability : capabilities()) {
    EXPECT_TRUE(names.insert(capability.name).second) << capability.name;
    EXPECT_FALSE(capability.what.empty()) << capability.name;
    for (auto requirement : capability.requirements) {
      EXPECT_TRUE(requirements.insert(requirement).second) << requirement << " in two capabilities";
    }
  }
  EXPECT_NE(capability_names().find("destructive, passthrough"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::contract
