#include "persistence_plan.h"

#include <algorithm>

namespace dextqual::lifecycle {

PersistencePlan PersistencePlan::for_dut(const DutDescription& dut) {
  PersistencePlan plan;
  plan.region_sectors = dut.quick ? 4096 : 32768;
  return plan;
}

Status zero_fill(RawBlockDevice& device, const PersistencePlan& plan) {
  AlignedBuffer zeros(std::size_t{1} << 20);
  const integrity::LbaRange area = plan.area();
  for (std::uint64_t lba = area.first; lba < area.end(); lba += zeros.size() / 512) {
    const std::uint64_t sectors = std::min<std::uint64_t>(zeros.size() / 512, area.end() - lba);
    DQ_TRY(device.write(lba * 512, zeros.bytes().first(sectors * 512)));
  }
  return device.flush();
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

Result<std::filesystem::path> state_path(const DutDescription& dut, const std::string& name) {
  if (dut.state_dir.empty()) {
    return fail("place " + name, "the DUT description has no state_dir (the journal must live off the DUT)");
  }
  std::error_code error;
  std::filesystem::create_directories(dut.state_dir, error);
  return std::filesystem::path(dut.state_dir) / name;
}

}  // namespace dextqual::lifecycle
