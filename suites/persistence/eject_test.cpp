// Guards F4: after a clean eject (the host quiesces, flushes and stops the unit) and a re-attach, the
// DUT is found again by identity and every acknowledged write is there — raw writes of every
// durability case, and files written through a filesystem.
#include <gtest/gtest.h>

#include "integrity/write_journal.h"
#include "lifecycle/durability_check.h"
#include "lifecycle/dut_refind.h"
#include "lifecycle/lifecycle_device.h"
#include "lifecycle/partition_cycle.h"
#include "lifecycle/stamped_file_set.h"
#include "persistence_plan.h"
#include "testing/dut_handle.h"

namespace dextqual::lifecycle {
namespace {

using platform::DeviceEvent;
using testing::dut;

TEST(Eject, AcknowledgedRawWritesSurviveCleanEjectAndReattach) {
  REQUIRE_DUT(data_loss_allowed);
  platform::DeviceLifecycle& lifecycle = testing::dut_handle().lifecycle();
  REQUIRE_DUT(eject_supported);
  REQUIRE_DUT(attach_supported);
  const PersistencePlan plan = PersistencePlan::for_dut(dut());
  const std::uint32_t sectors_per_block = dut().logical_block_size / 512;
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  auto journal_path = state_path(dut(), "persistence-eject.journal");
  ASSERT_TRUE(journal_path.has_value()) << journal_path.error().message();
  std::filesystem::remove(*journal_path);
  auto written = write_plan_journaled(dut(), *journal_path, *identity, plan, JournalEnd::quiesced);
  ASSERT_TRUE(written.has_value()) << written.error().message();
  ReattachOnExit guard(lifecycle);
  auto ejected = guard.take_away(DeviceEvent::eject);
  ASSERT_TRUE(ejected.has_value()) << ejected.error().message();
  auto refound = restore_and_find(lifecycle, DeviceEvent::attach, attach_budget(dut()));
  ASSERT_TRUE(refound.has_value()) << refound.error().message();
  guard.back();
  RecordProperty("reattach_ms", std::to_string(refound->elapsed.count()));
  RecordProperty("node_after_reattach", refound->dut.raw_node);

  auto verdict = verify_durability(refound->dut.raw_node, *identity, *journal_path, plan.area(),
                                   sectors_per_block, AfterEvent::clean_eject);
  ASSERT_TRUE(verdict.has_value()) << verdict.error().message();
  for (const std::string& failure : verdict->failures) {
    ADD_FAILURE() << failure;
  }
}

TEST(Eject, FilesSurviveUnmountCleanEjectAndReattach) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(kLayoutMinimumBytes));
  platform::DeviceLifecycle& lifecycle = testing::dut_handle().lifecycle();
  REQUIRE_DUT(eject_supported);
  REQUIRE_DUT(attach_supported);
  auto disk = platform::make_disk_lifecycle(platform::system_command_runner());
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  StampedFileSet files(*identity, 12, 256);
  {
    auto prepared = prepare_volume(*disk, dut().buffered_node, dut().capacity_bytes(), LayoutSlot::ext4);
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message();
    auto written = files.write(prepared->volume.path(), 1);
    ASSERT_TRUE(written.has_value()) << written.error().message();
    ASSERT_TRUE(prepared->volume.unmount().has_value());
  }
  ReattachOnExit guard(lifecycle);
  auto ejected = guard.take_away(DeviceEvent::eject);
  ASSERT_TRUE(ejected.has_value()) << ejected.error().message();
  auto refound = restore_and_find(lifecycle, DeviceEvent::attach, attach_budget(dut()));
  ASSERT_TRUE(refound.has_value()) << refound.error().message();
  guard.back();

  const auto layout = standard_layout(dut().capacity_bytes());
  auto partitions = disk->reread_partitions(refound->dut.buffered_node, layout.size());
  ASSERT_TRUE(partitions.has_value())
      << "F4: the partition table did not survive the eject: " << partitions.error().message();
  auto volume = disk->mount(partitions->front(), platform::Filesystem::ext4);
  ASSERT_TRUE(volume.has_value()) << "F4: the volume did not survive the eject: " << volume.error().message();
  auto verified = files.verify(volume->path(), 1);
  EXPECT_TRUE(verified.has_value()) << "F4: " << verified.error().message();
}

}  // namespace
}  // namespace dextqual::lifecycle
