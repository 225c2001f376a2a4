// macOS: sysctl, /dev/fd, getfsstat. No loop devices. Not compiled on Linux.
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/param.h>
#include <sys/sysctl.h>

#include <filesystem>
#include <vector>

#include "lifecycle/lifecycle_host.h"

namespace dextqual::platform {

namespace fs = std::filesystem;

std::string boot_id() {
  char uuid[64] = {};
  std::size_t size = sizeof uuid;
  if (::sysctlbyname("kern.bootsessionuuid", uuid, &size, nullptr, 0) != 0) {
    return "";
  }
  return uuid;
}

std::map<int, std::string> open_descriptors() {
  // /dev/fd lists the descriptors (the listing's own among them, which F_GETPATH names "/dev/fd").
  std::vector<int> numbers;
  std::error_code error;
  for (auto it = fs::directory_iterator("/dev/fd", error); it != fs::directory_iterator(); ++it) {
    numbers.push_back(std::stoi(it->path().filename().string()));
  }
  std::map<int, std::string> descriptors;
  for (const int fd : numbers) {
    if (fcntl(fd, F_GETFD) == -1) continue;  // the listing's, closed by now
    char path[MAXPATHLEN] = {};
    descriptors[fd] = fcntl(fd, F_GETPATH, path) == 0 ? std::string(path) : std::string();
  }
  return descriptors;
}

std::vector<std::string> mounts_of(const std::string& node) {
  std::vector<std::string> mount_points;
  std::string disk = fs::path(node).filename().string();
  if (disk.starts_with("rdisk")) {
    disk.erase(0, 1);
  }
  const int count = ::getfsstat(nullptr, 0, MNT_NOWAIT);
  std::vector<struct statfs> mounts(count > 0 ? static_cast<std::size_t>(count) : 0);
  const int got =
      ::getfsstat(mounts.data(), static_cast<int>(mounts.size() * sizeof(struct statfs)), MNT_NOWAIT);
  for (int i = 0; i < got; ++i) {
    const std::string source =
        fs::path(mounts[static_cast<std::size_t>(i)].f_mntfromname).filename().string();
    // disk5 and its slices disk5s1, disk5s2 …, but not disk50.
    if (source == disk || (source.starts_with(disk + "s") && source.size() > disk.size() + 1)) {
      mount_points.emplace_back(mounts[static_cast<std::size_t>(i)].f_mntonname);
    }
  }
  return mount_points;
}

std::vector<std::string> loop_devices_backed_under(const std::string& /*directory*/) { return {}; }

}  // namespace dextqual::platform
