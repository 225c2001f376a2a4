// A wedged DUT (issue 10 §5, F12): a suite binary that outlived SIGKILL is asleep in the kernel on a
// request the device never completes. Nothing more can run on that device, and the runner must not
// wait for it: the test that was running ends as TIMEOUT (or aborted, when the runner was stopping)
// naming the stuck pid and what the kernel showed of it, the DUT is marked wedged in the run, and
// every test not run yet ends as DEVICE-LOST with that reason. The reports are then final and the
// run ends (exit 1); the stuck child is left to the reaper (suites/lib/process/abandoned_children.h).
#pragma once

#include <string>

#include "reports/report.h"
#include "runner/suite_launch.h"

namespace dextqual::runner {

// "the buffered suite binary (pid 1234) did not exit after SIGKILL during buffered :: X.Y: state D
// (uninterruptible sleep), wait channel submit_bio_wait, kernel stack ..."
[[nodiscard]] std::string wedge_reason(const std::string& suite, const LaunchEnd& end);

// The verdict of a planned test that cannot run any more because the DUT is wedged.
[[nodiscard]] reports::TestResult not_run_on_wedged_dut(const std::string& suite, const std::string& test,
                                                        const std::string& reason);

}  // namespace dextqual::runner
