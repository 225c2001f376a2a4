// Guards partition/format/mount cycles through the driver (issue 7; F3, F9 context): per filesystem,
// N cycles of GPT → re-read → format → mount → write stamped files → unmount → re-read the table →
// drop caches → remount → verify every sector of every file.
#include <gtest/gtest.h>

#include "integrity/run_identity.h"
#include "lifecycle/partition_cycle.h"
#include "lifecycle/stamped_file_set.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

class FilesystemCycle : public ::testing::TestWithParam<LayoutSlot> {};

TEST_P(FilesystemCycle, FilesRoundTripAcrossUnmountRereadAndRemount) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(kLayoutMinimumBytes));
  auto lifecycle = platform::make_disk_lifecycle(platform::system_command_runner());
  const auto layout = standard_layout(dut().capacity_bytes());
  const platform::PartitionSpec& spec = layout[static_cast<std::size_t>(GetParam())];
  const auto unsupported = lifecycle->why_unsupported(spec.filesystem);
  REQUIRE_DUT(
      host_offers(!unsupported, to_string(spec.filesystem) + " on this host: " + unsupported.value_or("")));
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  StampedFileSet files(*identity, 12, 96);  // 12 files of 48 KiB, every name of the F9 probe twice

  const int cycles = dut().quick ? 2 : 5;
  for (int cycle = 1; cycle <= cycles; ++cycle) {
    SCOPED_TRACE("cycle " + std::to_string(cycle) + " of " + std::to_string(cycles));
    auto prepared = prepare_volume(*lifecycle, dut().buffered_node, dut().capacity_bytes(), GetParam());
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message();
    const auto generation = static_cast<std::uint64_t>(cycle);
    auto written = files.write(prepared->volume.path(), generation);
    ASSERT_TRUE(written.has_value()) << written.error().message();
    auto unmounted = prepared->volume.unmount();
    ASSERT_TRUE(unmounted.has_value()) << unmounted.error().message();

    auto partitions = lifecycle->reread_partitions(dut().buffered_node, layout.size());
    ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
    const platform::Partition& partition = (*partitions)[static_cast<std::size_t>(GetParam())];
    EXPECT_EQ(partition.start_bytes, prepared->partition.start_bytes) << "partition moved across a re-read";
    ASSERT_TRUE(lifecycle->drop_caches(partition.node).has_value());
    auto remounted = lifecycle->mount(partition, spec.filesystem);
    ASSERT_TRUE(remounted.has_value()) << remounted.error().message();
    auto verified = files.verify(remounted->path(), generation);
    EXPECT_TRUE(verified.has_value()) << verified.error().message();
  }
}

INSTANTIATE_TEST_SUITE_P(, FilesystemCycle,
                         ::testing::Values(LayoutSlot::ext4, LayoutSlot::vfat, LayoutSlot::exfat),
                         [](const auto& param_info) { return slot_test_name(param_info.param); });

}  // namespace
}  // namespace dextqual::lifecycle
