// What `dextqual resume` does for a run whose journal says it is waiting for a host reboot (issue 10 §4):
// find the DUT again by the identity the journal recorded (it may come back under another node), then
// confirm the reboot to the suites (reboot-done.json, the request removed) before the later phase runs.
// At boot (`--at-boot`, the armed boot job) the resume first disarms the job, and runs the station's
// `post_run` hook when the run is over.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "core/result.h"
#include "dut/dut_description.h"
#include "reports/report.h"
#include "runner/boot_resume.h"
#include "runner/run_state.h"

namespace dextqual::runner {

enum class ResumeMode {
  on_request,  // `dextqual resume --state DIR`, by a person or a CI step
  at_boot,     // `dextqual resume --state DIR --at-boot`, by the boot job the runner armed
};

// The node of the whole disk with the identity (serial, WWN) of `dut`, waiting up to `budget` for it to
// appear (a disk may enumerate late at boot). An Error names the identity and the budget.
[[nodiscard]] Result<std::string> find_dut_again(const reports::DutInfo& dut, std::chrono::seconds budget);

// reboot-done.json {"requested_by", "boot_id", "method": "host-reboot"} and the request removed.
[[nodiscard]] Status confirm_reboot(const std::filesystem::path& state_dir, const RebootWait& waiting,
                                    const std::string& boot_id_now);

}  // namespace dextqual::runner
