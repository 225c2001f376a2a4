#include "persistence_plan.h"

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

}  // namespace dextqual::lifecycle
