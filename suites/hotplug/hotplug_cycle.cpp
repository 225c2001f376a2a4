#include "hotplug_cycle.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dextqual::lifecycle {

namespace fs = std::filesystem;

ResourceCount count_resources(const DutDescription& dut) {
  ResourceCount count;
  std::error_code error;
  for (auto it = fs::directory_iterator("/proc/self/fd", error); it != fs::directory_iterator(); ++it) {
    ++count.open_fds;
  }
  const std::string name = fs::path(dut.raw_node).filename().string();
  std::ifstream mounts("/proc/mounts");
  std::string line;
  while (std::getline(mounts, line)) {
    std::istringstream fields(line);
    std::string source;
    std::string target;
    fields >> source >> target;
    if (!name.empty() && source.starts_with("/dev/" + name)) {
      count.dut_mounts.push_back(target);
    }
  }
  if (!dut.simdext_state.empty()) {
    for (const auto& entry : fs::directory_iterator("/sys/block", error)) {
      std::ifstream backing(entry.path() / "loop" / "backing_file");
      std::string file;
      if (std::getline(backing, file) && file.starts_with(dut.simdext_state)) {
        count.sim_loops.push_back(entry.path().filename().string());
      }
    }
  }
  return count;
}

}  // namespace dextqual::lifecycle
