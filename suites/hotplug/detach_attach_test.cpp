// Guards F10 and surprise removal (PERSISTENCE.md §3): N detach/attach cycles with writes in flight —
// the in-flight I/O fails promptly instead of hanging, the device comes back by identity within the
// attach budget (each cycle's time recorded), flushed data is intact and the rest old-or-new, and no
// file descriptor, mount or loop device is leaked.
#include <gtest/gtest.h>

#include "hotplug_cycle.h"
#include "io_in_flight.h"
#include "lifecycle/durability_check.h"
#include "lifecycle/dut_refind.h"
#include "lifecycle/journaled_writer.h"
#include "lifecycle/lifecycle_device.h"
#include "lifecycle/run_state.h"
#include "testing/conformance.h"
#include "testing/dut_handle.h"

namespace dextqual::lifecycle {
namespace {

using namespace std::chrono_literals;
using platform::DeviceEvent;
using testing::dut;

constexpr auto kPromptFailure = 10s;  // in-flight I/O must fail within this after the pull
constexpr integrity::LbaRange kFlushedRegion{2048, 2048};
constexpr integrity::LbaRange kBusyRegion{4096, 4096};
constexpr integrity::LbaRange kDetachArea{2048, 6144};

long long ms(std::chrono::steady_clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

TEST(Hotplug, DetachAttachCyclesWithIoInFlight) {
  REQUIRE_DUT(data_loss_allowed);
  platform::DeviceLifecycle& lifecycle = testing::dut_handle().lifecycle();
  REQUIRE_DUT(detach_supported);
  REQUIRE_DUT(attach_supported);
  testing::expect_kernel_io_errors(
      "the device is detached with I/O in flight: the kernel's I/O errors of the detach are the test");
  const auto budget = attach_budget(dut());
  RecordProperty("attach_budget_ms", std::to_string(budget.count()));  // the HTML report's F10 picture
  const ResourceCount before = count_resources(dut());
  const int cycles = dut().quick ? 2 : 10;
  const std::uint32_t sectors_per_block = dut().logical_block_size / 512;
  for (int cycle = 1; cycle <= cycles; ++cycle) {
    SCOPED_TRACE("cycle " + std::to_string(cycle) + " of " + std::to_string(cycles));
    auto identity = integrity::RunIdentity::generate();
    ASSERT_TRUE(identity.has_value());
    auto journal_path = state_path(dut(), "hotplug-detach.journal");
    ASSERT_TRUE(journal_path.has_value()) << journal_path.error().message();
    std::filesystem::remove(*journal_path);
    auto opened = integrity::WriteJournal::open(*journal_path, *identity);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    auto journal = std::make_shared<integrity::WriteJournal>(std::move(*opened));
    {
      auto device = RawBlockDevice::open(dut().raw_node);
      ASSERT_TRUE(device.has_value()) << device.error().message();
      ASSERT_TRUE(zero_fill(*device, kDetachArea).has_value());
      JournaledWriter writer(*device, *journal, integrity::StampKeys::for_run(*identity), sectors_per_block);
      ASSERT_TRUE(writer.write(kFlushedRegion, 1, WriteMode::normal).has_value());
      ASSERT_TRUE(writer.flush().has_value());
    }
    auto busy_device = RawBlockDevice::open(dut().raw_node);
    ASSERT_TRUE(busy_device.has_value()) << busy_device.error().message();
    std::optional<IoInFlight> io(std::in_place, std::move(*busy_device), journal, *identity, kBusyRegion, 1,
                                 sectors_per_block);
    io->wait_for_writes(4, 5s);
    ASSERT_GE(io->completed_writes(), 4u) << "the writer never got going: " << io->failure();

    const auto pulled = std::chrono::steady_clock::now();
    ReattachOnExit guard(lifecycle);
    auto detached = guard.take_away(DeviceEvent::detach);
    ASSERT_TRUE(detached.has_value()) << detached.error().message();
    if (!io->wait_finished(kPromptFailure)) {
      ADD_FAILURE() << "in-flight writes neither failed nor completed within " << ms(kPromptFailure)
                    << " ms of the surprise removal: I/O hangs (" << io->completed_writes()
                    << " writes done)";
    } else {
      const auto failed_at = io->failed_at().value_or(pulled);
      RecordProperty("in_flight_failure_ms_cycle_" + std::to_string(cycle),
                     std::to_string(ms(failed_at - pulled)));
    }
    auto refound = restore_and_find(lifecycle, DeviceEvent::attach, budget);
    io.reset();  // after the attach: a writer stuck until then gets its chance to end
    ASSERT_TRUE(refound.has_value()) << refound.error().message();
    guard.back();
    RecordProperty("attach_ms_cycle_" + std::to_string(cycle), std::to_string(refound->elapsed.count()));
    ASSERT_LE(refound->elapsed, budget)
        << "F10: the device took " << refound->elapsed.count() << " ms to come back; budget "
        << budget.count() << " ms (dut.json extra.attach_budget_s)";
    auto verdict = verify_durability(refound->dut.raw_node, *identity, *journal_path, kDetachArea,
                                     sectors_per_block, AfterEvent::surprise_removal);
    ASSERT_TRUE(verdict.has_value()) << verdict.error().message();
    for (const std::string& failure : verdict->failures) {
      ADD_FAILURE() << failure;
    }
  }
  const ResourceCount after = count_resources(dut());
  const auto leaked = descriptors_leaked_since(before);
  EXPECT_TRUE(leaked.empty()) << "file descriptors leaked over the cycles: "
                              << ::testing::PrintToString(leaked);
  EXPECT_TRUE(after.dut_mounts.empty()) << "a DUT volume is still mounted: " << after.dut_mounts.front();
  // The current attachment is the only loop device simdext may own.
  EXPECT_LT(after.sim_loops.size(), 2u)
      << "loop devices left over earlier attachments: " << ::testing::PrintToString(after.sim_loops);
}

}  // namespace
}  // namespace dextqual::lifecycle
