#include "runner/resume_after_reboot.h"

#include <thread>

#include "contract/run_contract.h"
#include "runner/block_devices.h"

namespace dextqual::runner {

Result<std::string> find_dut_again(const reports::DutInfo& dut, std::chrono::seconds budget) {
  if (dut.serial.empty() && dut.wwn.empty()) {
    return fail("find the DUT again", "the journal records no serial or WWN for it");
  }
  const auto deadline = std::chrono::steady_clock::now() + budget;
  std::string last_error;
  for (;;) {
    auto devices = list_block_devices();
    if (devices) {
      for (const auto& device : *devices) {
        if (!device.is_partition && device.identity.serial == dut.serial && device.identity.wwn == dut.wwn) {
          return device.node;
        }
      }
    } else {
      last_error = ": " + devices.error().message();
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  return fail("find the DUT again", "no disk with serial '" + dut.serial + "' and WWN '" + dut.wwn +
                                        "' within " + std::to_string(budget.count()) + " s" + last_error);
}

Status confirm_reboot(const std::filesystem::path& state_dir, const RebootWait& waiting,
                      const std::string& boot_id_now) {
  DQ_TRY(contract::write_reboot_done(state_dir, {waiting.requested_by, boot_id_now, "host-reboot"}));
  std::error_code ec;
  std::filesystem::remove(contract::RebootFiles::under(state_dir).request, ec);
  return {};
}

}  // namespace dextqual::runner
