// Guards F4 across a host reboot, through the reboot contract (reboot_contract.h): phase 1 writes every
// durability case and requests a reboot; after it, phase 2 finds the DUT by identity and every
// acknowledged write must be there (a clean reboot flushes, PERSISTENCE.md §3). The phases are ordered
// in this file; the runner reboots (or, with simdext, restarts the DUT) between them.
#include <gtest/gtest.h>

#include "contract/run_contract.h"
#include "integrity/write_journal.h"
#include "lifecycle/durability_check.h"
#include "lifecycle/dut_refind.h"
#include "lifecycle/lifecycle_device.h"
#include "lifecycle/lifecycle_host.h"
#include "persistence_plan.h"
#include "reboot_contract.h"
#include "testing/dut_handle.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

TEST(Reboot, Phase1WriteAndFlush) {
  REQUIRE_DUT(data_loss_allowed);
  // The runner reboots with `simdext restart`, or on real hardware with the station's reboot hook.
  REQUIRE_DUT(reboot_supported);
  auto state = state_path(dut(), "");
  ASSERT_TRUE(state.has_value()) << state.error().message();
  const RebootPaths paths = RebootPaths::under(*state);
  std::filesystem::remove_all(paths.dir);
  std::filesystem::remove(paths.done);  // a stale confirmation must not vouch for this run's reboot
  std::filesystem::create_directories(paths.dir);
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  ASSERT_TRUE(identity->save(paths.run_key).has_value());

  const PersistencePlan plan = PersistencePlan::for_dut(dut());
  const std::uint32_t sectors_per_block = dut().logical_block_size / 512;
  auto written = write_plan_journaled(dut(), paths.journal, *identity, plan, JournalEnd::quiesced);
  ASSERT_TRUE(written.has_value()) << written.error().message();
  const std::string test_name = "Reboot.Phase1WriteAndFlush";
  const nlohmann::json phase = {{"schema", "dextqual-reboot-phase/1"},
                                {"requested_by", test_name},
                                {"run_id", identity->run_id_hex()},
                                {"serial", dut().identity.serial},
                                {"wwn", dut().identity.wwn},
                                {"boot_id_before", platform::boot_id()},
                                {"first_lba", plan.first_lba},
                                {"region_sectors", plan.region_sectors},
                                {"sectors_per_block", sectors_per_block},
                                {"run_key", paths.run_key.string()},
                                {"journal", paths.journal.string()}};
  ASSERT_TRUE(write_json_atomically(paths.phase_file, phase).has_value());
  ASSERT_TRUE(contract::write_reboot_request(*state, {test_name, paths.phase_file.string()}).has_value());
  RecordProperty("reboot_requested", paths.request.string());
}

TEST(Reboot, Phase2VerifyAfterRestart) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(reboot_supported);  // as phase 1: without a reboot it never wrote
  auto state = state_path(dut(), "");
  ASSERT_TRUE(state.has_value()) << state.error().message();
  const RebootPaths paths = RebootPaths::under(*state);
  auto phase = read_json_if_present(paths.phase_file);
  ASSERT_TRUE(phase.has_value()) << phase.error().message();
  REQUIRE_DUT(run_provides(
      phase->has_value(), "phase 1 (Reboot.Phase1WriteAndFlush) never ran: no " + paths.phase_file.string()));
  auto done = contract::read_reboot_done(*state);
  ASSERT_TRUE(done.has_value()) << done.error().message();
  ASSERT_TRUE(done->has_value()) << "phase 1 wrote its data and asked for a reboot (" << paths.request
                                 << "), but there is no " << paths.done << ": the reboot did not happen";
  EXPECT_EQ((**done).requested_by, (**phase).value("requested_by", ""))
      << paths.done << " confirms a reboot someone else asked for";
  RecordProperty("reboot_method", (**done).method);
  RecordProperty("boot_id_after", (**done).boot_id);

  const nlohmann::json& plan_json = **phase;
  auto identity = integrity::RunIdentity::load(plan_json.value("run_key", ""));
  ASSERT_TRUE(identity.has_value()) << identity.error().message();
  platform::DeviceLifecycle& lifecycle = testing::dut_handle().lifecycle();
  // The runner re-found the DUT and rewrote dut.json; finding it here again guards against a stale one.
  auto refound = restore_and_find(lifecycle, std::nullopt, attach_budget(dut()));
  ASSERT_TRUE(refound.has_value()) << refound.error().message();
  PersistencePlan plan;
  plan.first_lba = plan_json.value("first_lba", plan.first_lba);
  plan.region_sectors = plan_json.value("region_sectors", plan.region_sectors);
  auto verdict = verify_durability(refound->dut.raw_node, *identity, plan_json.value("journal", ""),
                                   plan.area(), plan_json.value("sectors_per_block", 1u), AfterEvent::reboot);
  // Verified (whatever the verdict): a rerun without a new phase 1 skips instead of judging old data.
  std::filesystem::rename(paths.phase_file, paths.dir / "phase-verified.json");
  std::filesystem::remove(paths.done);
  ASSERT_TRUE(verdict.has_value()) << verdict.error().message();
  for (const std::string& failure : verdict->failures) {
    ADD_FAILURE() << failure;
  }
}

}  // namespace
}  // namespace dextqual::lifecycle
