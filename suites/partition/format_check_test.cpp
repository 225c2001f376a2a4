// Guards partitioning as diskutil/mkfs do it through the driver (issue 7, F3 context), for every
// filesystem including those this host cannot mount: GPT → re-read → format → re-read again → the
// filesystem checker (fsck -n / diskutil verifyVolume) finds what mkfs wrote intact.
#include <gtest/gtest.h>

#include "lifecycle/partition_cycle.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

class FormatCheck : public ::testing::TestWithParam<LayoutSlot> {};

TEST_P(FormatCheck, FormattedPartitionChecksCleanAfterReread) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(kLayoutMinimumBytes));
  auto lifecycle = platform::make_disk_lifecycle(platform::system_command_runner());
  const auto layout = standard_layout(dut().capacity_bytes());
  const auto index = static_cast<std::size_t>(GetParam());
  const platform::PartitionSpec& spec = layout[index];
  const auto unsupported = lifecycle->why_cannot_format(spec.filesystem);
  REQUIRE_DUT(
      host_offers(!unsupported, to_string(spec.filesystem) + " on this host: " + unsupported.value_or("")));
  ASSERT_TRUE(lifecycle->partition_gpt(dut().buffered_node, layout).has_value());
  auto partitions = lifecycle->reread_partitions(dut().buffered_node, layout.size());
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  auto formatted = lifecycle->format((*partitions)[index], spec.filesystem, spec.name);
  ASSERT_TRUE(formatted.has_value()) << formatted.error().message();
  ASSERT_TRUE(lifecycle->drop_caches(dut().buffered_node).has_value());
  auto again = lifecycle->reread_partitions(dut().buffered_node, layout.size());
  ASSERT_TRUE(again.has_value()) << again.error().message();
  ASSERT_TRUE(lifecycle->drop_caches((*again)[index].node).has_value());
  auto checked = lifecycle->check((*again)[index], spec.filesystem);
  EXPECT_TRUE(checked.has_value()) << "what mkfs wrote does not read back consistent: "
                                   << checked.error().message();
}

INSTANTIATE_TEST_SUITE_P(, FormatCheck,
                         ::testing::Values(LayoutSlot::ext4, LayoutSlot::vfat, LayoutSlot::exfat),
                         [](const auto& param_info) { return slot_test_name(param_info.param); });

}  // namespace
}  // namespace dextqual::lifecycle
