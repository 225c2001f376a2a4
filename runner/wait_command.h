// `dextqual wait --state DIR [--timeout S] [--poll S]`: waits until the run in DIR has ended — across the
// host reboots it asks for — then prints its console summary and exits with the run's exit code (issue 10
// §4). A CI job dies with the host it reboots; this is what the CI job or step after the reboot calls.
// It only reads the journal, never the DUT. Exit codes: the run's (0, 1, 3); 2 when DIR holds no journal
// of a run; 5 (kStillRunning) when --timeout expired first, with a line saying what the run is waiting for.
#pragma once

#include <filesystem>
#include <ostream>
#include <stop_token>

namespace dextqual::runner {

struct WaitOptions {
  std::filesystem::path state_dir;
  double timeout_s = 0;  // 0: wait for good
  double poll_s = 5;
};

[[nodiscard]] int wait_command(const WaitOptions& options, std::ostream& out, std::ostream& err,
                               const std::stop_token& stop);

}  // namespace dextqual::runner
