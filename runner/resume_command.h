// `dextqual resume`: continue a journaled run — after the runner was killed, or at boot after the host
// reboot a test asked for (F4/F12: the DUT found again by identity; a DUT that does not come back ends the
// run with its remaining tests DEVICE-LOST). Shares its steps with `run` (run_steps.h).
#pragma once

#include <filesystem>

#include "runner/installation.h"
#include "runner/resume_after_reboot.h"
#include "runner/signal_stop.h"

namespace dextqual::runner {

// A run waiting for a host reboot is continued only after one (the boot id changed), or at boot by the
// job the runner armed; otherwise exit 4 with what it waits for.
[[nodiscard]] int resume_command(const std::filesystem::path& state_dir, const Installation& installation,
                                 const SignalStop& signals, ResumeMode mode);

}  // namespace dextqual::runner
