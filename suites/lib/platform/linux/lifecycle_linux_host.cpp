// Linux: /proc and /sys.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifecycle_host.h"

namespace dextqual::platform {

namespace fs = std::filesystem;

std::string boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

std::size_t open_fd_count() {
  std::size_t count = 0;
  std::error_code error;
  for (auto it = fs::directory_iterator("/proc/self/fd", error); it != fs::directory_iterator(); ++it) {
    ++count;
  }
  return count;
}

std::vector<std::string> mounts_of(const std::string& node) {
  std::vector<std::string> mount_points;
  const std::string name = fs::path(node).filename().string();
  std::ifstream mounts("/proc/mounts");
  std::string line;
  while (!name.empty() && std::getline(mounts, line)) {
    std::istringstream fields(line);
    std::string source;
    std::string target;
    fields >> source >> target;
    const std::string source_name = fs::path(source).filename().string();
    if (source.starts_with("/dev/") &&
        (source_name == name || fs::exists(fs::path("/sys/class/block") / name / source_name))) {
      mount_points.push_back(target);
    }
  }
  return mount_points;
}

std::vector<std::string> loop_devices_backed_under(const std::string& directory) {
  std::vector<std::string> loops;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/sys/block", error)) {
    std::ifstream backing(entry.path() / "loop" / "backing_file");
    std::string file;
    if (!directory.empty() && std::getline(backing, file) && file.starts_with(directory)) {
      loops.push_back(entry.path().filename().string());
    }
  }
  return loops;
}

}  // namespace dextqual::platform
