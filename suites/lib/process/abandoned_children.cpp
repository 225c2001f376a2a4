#include "process/abandoned_children.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace dextqual::process {
namespace {

constexpr auto kPollInterval = std::chrono::seconds(1);

struct Reaper {
  std::mutex mutex;
  std::vector<pid_t> waiting;
  bool running = false;
};

Reaper& reaper() {
  // Never destroyed: the detached thread may still use it while the process exits.
  static auto* instance = new Reaper;
  return *instance;
}

// True when `pid` is gone: collected now, or not our child (any more).
bool collected(pid_t pid) {
  int status = 0;
  const pid_t result = ::waitpid(pid, &status, WNOHANG);
  return result == pid || (result < 0 && errno == ECHILD);
}

void reap_until_none_left() {
  auto& state = reaper();
  while (true) {
    {
      std::lock_guard lock(state.mutex);
      std::erase_if(state.waiting, collected);
      if (state.waiting.empty()) {
        state.running = false;
        return;
      }
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace

void reap_when_it_exits(int pid) {
  auto& state = reaper();
  std::lock_guard lock(state.mutex);
  state.waiting.push_back(pid);
  if (state.running) return;
  try {
    std::thread(reap_until_none_left).detach();
    state.running = true;
  } catch (const std::system_error&) {
    // No thread to be had: the pid waits in the list for the next abandonment's reaper.
  }
}

std::size_t abandoned_children_waiting() {
  auto& state = reaper();
  std::lock_guard lock(state.mutex);
  return state.waiting.size();
}

}  // namespace dextqual::process
