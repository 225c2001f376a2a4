#include "buffered/dut_volume.h"

#include "testing/dut_environment.h"

namespace dextqual::buffered {

Result<DutVolume> make_dut_volume(const std::string& label) {
  DutVolume out;
  out.disk = platform::make_disk_lifecycle(platform::system_command_runner());
  const auto& dut = testing::dut();
  out.whole = platform::Partition{0, dut.buffered_node, 0, dut.capacity_bytes()};
  if (auto why = out.disk->why_unsupported(platform::Filesystem::ext4)) {
    return fail("make ext4 on " + dut.buffered_node, *why);
  }
  DQ_TRY(out.disk->format(out.whole, platform::Filesystem::ext4, label));
  DQ_TRY_ASSIGN(out.volume, out.disk->mount(out.whole, platform::Filesystem::ext4));
  return out;
}

}  // namespace dextqual::buffered
