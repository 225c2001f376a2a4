// Guards F4 and F10 over repeated clean ejects: N cycles of acknowledged (unflushed) writes, eject,
// re-attach within the budget, find by identity; every acknowledged write must be there each time.
#include <gtest/gtest.h>

#include "hotplug_cycle.h"
#include "lifecycle/durability_check.h"
#include "lifecycle/dut_refind.h"
#include "lifecycle/journaled_writer.h"
#include "lifecycle/lifecycle_device.h"
#include "lifecycle/run_state.h"
#include "testing/dut_handle.h"

namespace dextqual::lifecycle {
namespace {

using platform::DeviceEvent;
using testing::dut;

constexpr integrity::LbaRange kEjectArea{2048, 4096};

TEST(Hotplug, EjectReattachCyclesKeepAcknowledgedWrites) {
  REQUIRE_DUT(data_loss_allowed);
  platform::DeviceLifecycle& lifecycle = testing::dut_handle().lifecycle();
  REQUIRE_DUT(eject_supported);
  REQUIRE_DUT(attach_supported);
  const auto budget = attach_budget(dut());
  RecordProperty("attach_budget_ms", std::to_string(budget.count()));  // the HTML report's F10 picture
  const int cycles = dut().quick ? 2 : 10;
  const std::uint32_t sectors_per_block = dut().logical_block_size / 512;
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  auto journal_path = state_path(dut(), "hotplug-eject.journal");
  ASSERT_TRUE(journal_path.has_value()) << journal_path.error().message();
  std::filesystem::remove(*journal_path);
  auto journal = integrity::WriteJournal::open(*journal_path, *identity);
  ASSERT_TRUE(journal.has_value()) << journal.error().message();
  const ResourceCount before = count_resources(dut());  // the journal stays open throughout
  std::uint64_t next_write_id = 1;
  for (int cycle = 1; cycle <= cycles; ++cycle) {
    SCOPED_TRACE("cycle " + std::to_string(cycle) + " of " + std::to_string(cycles));
    {
      auto device = RawBlockDevice::open(dut().raw_node);
      ASSERT_TRUE(device.has_value()) << device.error().message();
      if (cycle == 1) {
        ASSERT_TRUE(zero_fill(*device, kEjectArea).has_value());
      }
      JournaledWriter writer(*device, *journal, integrity::StampKeys::for_run(*identity), sectors_per_block,
                             next_write_id);
      ASSERT_TRUE(writer.write(kEjectArea, static_cast<std::uint64_t>(cycle), WriteMode::normal).has_value());
      next_write_id = writer.next_write_id();
      ASSERT_TRUE(journal->quiesced().has_value());
    }
    ReattachOnExit guard(lifecycle);
    auto ejected = guard.take_away(DeviceEvent::eject);
    ASSERT_TRUE(ejected.has_value()) << ejected.error().message();
    auto refound = restore_and_find(lifecycle, DeviceEvent::attach, budget);
    ASSERT_TRUE(refound.has_value()) << refound.error().message();
    guard.back();
    RecordProperty("attach_ms_cycle_" + std::to_string(cycle), std::to_string(refound->elapsed.count()));
    ASSERT_LE(refound->elapsed, budget) << "F10: the device took " << refound->elapsed.count()
                                        << " ms to come back; budget " << budget.count() << " ms";
    auto verdict = verify_durability(refound->dut.raw_node, *identity, *journal_path, kEjectArea,
                                     sectors_per_block, AfterEvent::clean_eject);
    ASSERT_TRUE(verdict.has_value()) << verdict.error().message();
    for (const std::string& failure : verdict->failures) {
      ADD_FAILURE() << failure;
    }
    if (!verdict->passed()) {
      break;  // one cycle's losses say it; the next cycle would only repeat them
    }
  }
  const ResourceCount after = count_resources(dut());
  const auto leaked = descriptors_leaked_since(before);
  EXPECT_TRUE(leaked.empty()) << "file descriptors leaked over the cycles: "
                              << ::testing::PrintToString(leaked);
  // The current attachment is the only loop device simdext may own.
  EXPECT_LT(after.sim_loops.size(), 2u)
      << "loop devices left over earlier attachments: " << ::testing::PrintToString(after.sim_loops);
}

}  // namespace
}  // namespace dextqual::lifecycle
