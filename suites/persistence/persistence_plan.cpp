#include "persistence_plan.h"

#include "integrity/write_journal.h"

namespace dextqual::lifecycle {

PersistencePlan PersistencePlan::for_dut(const DutDescription& dut) {
  PersistencePlan plan;
  plan.region_sectors = dut.quick ? 4096 : 32768;
  return plan;
}

Status zero_fill(RawBlockDevice& device, const PersistencePlan& plan) {
  return zero_fill(device, plan.area());
}

Status run_plan(JournaledWriter& writer, const PersistencePlan& plan) {
  DQ_TRY(writer.write(plan.region(0), 1, WriteMode::normal));  // flushed
  DQ_TRY(writer.write(plan.region(2), 1, WriteMode::normal));  // overwritten, gen 1
  DQ_TRY(writer.write(plan.region(4), 1, WriteMode::normal));  // fua_over, gen 1
  DQ_TRY(writer.flush());
  DQ_TRY(writer.write(plan.region(1), 1, WriteMode::fua));     // fua
  DQ_TRY(writer.write(plan.region(2), 2, WriteMode::normal));  // overwritten, gen 2 unflushed
  DQ_TRY(writer.write(plan.region(3), 1, WriteMode::normal));  // unflushed
  DQ_TRY(writer.write(plan.region(4), 2, WriteMode::fua));     // fua_over, gen 2
  return {};
}

Status write_plan_journaled(const DutDescription& dut, const std::string& journal_path,
                            const integrity::RunIdentity& identity, const PersistencePlan& plan,
                            JournalEnd end) {
  DQ_TRY_ASSIGN(auto journal, integrity::WriteJournal::open(journal_path, identity));
  DQ_TRY_ASSIGN(auto device, RawBlockDevice::open(dut.raw_node));
  DQ_TRY(zero_fill(device, plan));
  JournaledWriter writer(device, journal, integrity::StampKeys::for_run(identity),
                         dut.logical_block_size / 512);
  DQ_TRY(run_plan(writer, plan));
  if (end == JournalEnd::quiesced) {
    DQ_TRY(journal.quiesced());
  } else {
    DQ_TRY(journal.mark("cut"));
  }
  return {};
}

}  // namespace dextqual::lifecycle
