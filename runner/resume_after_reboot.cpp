#include "runner/resume_after_reboot.h"

#include <thread>

#include "contract/run_contract.h"
#include "device/find_again.h"

namespace dextqual::runner {

Result<std::string> find_dut_again(const reports::DutInfo& dut, std::chrono::seconds budget) {
  DutIdentity identity;
  identity.serial = dut.serial;
  identity.wwn = dut.wwn;
  device::FindOptions options;
  options.budget = budget;
  options.poll = std::chrono::seconds(2);
  DQ_TRY_ASSIGN(const auto found, device::find_again(identity, options));
  return found.node;
}

Status confirm_reboot(const std::filesystem::path& state_dir, const RebootWait& waiting,
                      const std::string& boot_id_now) {
  DQ_TRY(contract::write_reboot_done(state_dir, {waiting.requested_by, boot_id_now, "host-reboot"}));
  std::error_code ec;
  std::filesystem::remove(contract::RebootFiles::under(state_dir).request, ec);
  return {};
}

}  // namespace dextqual::runner
