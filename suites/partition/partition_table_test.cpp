// Guards GPT handling through the driver (issue 7, F3 context): a table with several partitions is
// written, re-read by the kernel, and each partition's first and last sectors land exactly where the
// whole disk says they are, before and after a second re-read.
#include <gtest/gtest.h>

#include "integrity/expected_state.h"
#include "integrity/sector_verifier.h"
#include "lifecycle/partition_layout.h"
#include "lifecycle/raw_block_io.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

// Stamps `sectors` sectors at `offset` of `node` with disk-absolute LBAs.
void stamp_at(const std::string& node, std::uint64_t node_offset, std::uint64_t disk_lba,
              std::uint64_t sectors, const integrity::StampKeys& keys) {
  auto device = RawBlockDevice::open(node);
  ASSERT_TRUE(device.has_value()) << device.error().message();
  AlignedBuffer buffer(sectors * integrity::kSectorSize);
  integrity::StampFields fields;
  fields.lba = disk_lba;
  fields.generation = 1;
  fields.write_id = disk_lba;
  integrity::stamp_sectors(keys, fields, buffer.bytes());
  ASSERT_TRUE(device->write(node_offset, buffer.bytes()).has_value());
  ASSERT_TRUE(device->flush().has_value());
}

TEST(PartitionTable, GptWithSeveralPartitionsSurvivesReread) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(kLayoutMinimumBytes));
  auto disk = platform::make_disk_lifecycle(platform::system_command_runner());
  const auto layout = standard_layout(dut().capacity_bytes());
  ASSERT_TRUE(disk->partition_gpt(dut().buffered_node, layout).has_value());
  auto partitions = disk->reread_partitions(dut().buffered_node, layout.size());
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();

  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  const auto keys = integrity::StampKeys::for_run(*identity);
  integrity::ExpectedState expected;
  constexpr std::uint64_t kSectors = 8;
  for (const platform::Partition& partition : *partitions) {
    EXPECT_EQ(partition.size_bytes, layout[partition.number - 1].size_bytes) << partition.node;
    const std::uint64_t first = partition.start_bytes / 512;
    const std::uint64_t last = (partition.start_bytes + partition.size_bytes) / 512 - kSectors;
    stamp_at(partition.node, 0, first, kSectors, keys);
    stamp_at(partition.node, partition.size_bytes - kSectors * 512, last, kSectors, keys);
    ASSERT_TRUE(expected.record_write({first, kSectors}, 1, integrity::WriteState::must_survive).has_value());
    ASSERT_TRUE(expected.record_write({last, kSectors}, 1, integrity::WriteState::must_survive).has_value());
  }
  ASSERT_TRUE(disk->reread_partitions(dut().buffered_node, layout.size()).has_value());

  auto whole = RawBlockDevice::open(dut().raw_node);
  ASSERT_TRUE(whole.has_value()) << whole.error().message();
  for (const integrity::Extent& extent : expected.all_extents()) {
    AlignedBuffer buffer(extent.range.count * integrity::kSectorSize);
    ASSERT_TRUE(whole->read(extent.range.first * 512, buffer.bytes()).has_value());
    const auto report = integrity::verify_sectors(keys, buffer.bytes(), extent.range.first, expected);
    for (const auto& finding : report.findings) {
      ADD_FAILURE() << "written through a partition node, read through " << dut().raw_node << ": "
                    << finding.describe();
    }
  }
}

}  // namespace
}  // namespace dextqual::lifecycle
