#include "runner/wait_command.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "reports/console_reporter.h"
#include "runner/exit_status.h"
#include "runner/host_identity.h"
#include "runner/journal.h"
#include "runner/run_state.h"

namespace dextqual::runner {
namespace {

using Clock = std::chrono::steady_clock;

// What an unfinished run is doing, in one line, with the way out when nothing will continue it.
std::string still_running(const RunState& state, const std::filesystem::path& state_dir) {
  const auto resume = "`dextqual resume --state " + state_dir.string() + "`";
  const auto now = boot_id();
  if (const auto& waiting = state.waiting_for_reboot()) {
    std::string line = "still waiting for the host reboot requested by " + waiting->requested_by + " since " +
                       waiting->since;
    if (!waiting->boot_id.empty() && waiting->boot_id != now) {
      line += "; the host has rebooted since, but no resume has finished the run (see " + state_dir.string() +
              "/resume-at-boot.log, or run " + resume + ")";
    }
    return line;
  }
  if (const auto& running = state.running()) {
    std::string line = "still running: " + running->first + " :: " + running->second;
    if (!state.running_boot_id().empty() && state.running_boot_id() != now) {
      line += "; the host restarted during that test and nothing resumed the run (run " + resume + ")";
    }
    return line;
  }
  return "still running (between two tests)";
}

// Sleeps `seconds`, or less when a stop is requested.
void nap(double seconds, const std::stop_token& stop) {
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock(mutex);
  woken.wait_for(lock, stop, std::chrono::duration<double>(seconds), [] { return false; });
}

}  // namespace

int wait_command(const WaitOptions& options, std::ostream& out, std::ostream& err,
                 const std::stop_token& stop) {
  const auto journal = options.state_dir / "journal.jsonl";
  const auto deadline = options.timeout_s > 0
                            ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                 std::chrono::duration<double>(options.timeout_s))
                            : Clock::time_point::max();
  for (;;) {
    auto events = read_journal(journal);
    if (!events) {
      err << "dextqual: no run to wait for: " << events.error().message() << "\n";
      return kUsageError;
    }
    RunState state;
    for (const auto& event : *events) state.apply(event);
    if (!state.has_run()) {
      err << "dextqual: no run to wait for: " << journal.string()
          << " has no run event (not a dextqual journal, or cut before its first line)\n";
      return kUsageError;
    }
    if (state.status() != "running") {
      reports::ConsoleReporter console(out, {});
      console.note("run " + state.run_id() + " ended: " + state.status());
      console.finish(state.snapshot());
      return state.exit_code();
    }
    if (Clock::now() >= deadline || stop.stop_requested()) {
      err << "dextqual: run " << state.run_id()
          << " has not ended: " << still_running(state, options.state_dir) << "\n";
      return kStillRunning;
    }
    const auto left = std::chrono::duration<double>(deadline - Clock::now()).count();
    nap(std::min(options.poll_s, std::max(0.0, left)), stop);
  }
}

}  // namespace dextqual::runner
