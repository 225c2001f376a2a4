#include "state_dir.h"

#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "fuse_disk.h"
#include "loop_device.h"

namespace simdext {

std::optional<nlohmann::json> read_description(const std::string& state_dir) {
  std::ifstream in(state_dir + "/simdext.json");
  if (!in) {
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(in);
  } catch (...) {
    return std::nullopt;
  }
}

bool process_alive(int pid) {
  if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) {
    return false;
  }
  // A zombie has ended: its parent (often init, for a daemon) may be slow to reap it.
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const size_t paren = line.rfind(')');
  return paren == std::string::npos || paren + 2 >= line.size() || line[paren + 2] != 'Z';
}

int running_pid(const std::string& state_dir) {
  auto d = read_description(state_dir);
  if (!d) {
    return 0;
  }
  const int pid = d->value("pid", 0);
  if (!process_alive(pid)) {
    return 0;
  }
  // The pid must still be a simdext (pids are reused).
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name == "simdext" ? pid : 0;
}

std::vector<std::string> recover_state(const std::string& state_dir) {
  std::vector<std::string> cleaned;
  const std::string mountpoint = state_dir + "/fuse";
  for (const std::string& device : loops_backed_under(mountpoint)) {
    if (detach_loop(device)) {
      cleaned.push_back("detached " + device);
    }
  }
  struct stat st {};
  struct stat parent {};
  const bool mounted = ::stat(mountpoint.c_str(), &st) != 0
                           ? errno == ENOTCONN
                           : ::stat(state_dir.c_str(), &parent) == 0 && st.st_dev != parent.st_dev;
  if (mounted) {
    if (::stat(mountpoint.c_str(), &st) == 0) {
      abort_fuse_connection(static_cast<uint64_t>(st.st_dev));
    }
    if (::umount2(mountpoint.c_str(), MNT_DETACH) == 0) {
      cleaned.push_back("unmounted " + mountpoint);
    }
  }
  ::unlink((state_dir + "/control.sock").c_str());
  return cleaned;
}

std::expected<dextqual::wire::Frame, std::string> control_request(const std::string& state_dir,
                                                                  const nlohmann::json& request) {
  const std::string path = state_dir + "/control.sock";
  sockaddr_un address{};
  if (path.size() >= sizeof(address.sun_path)) {
    return std::unexpected("socket path too long");
  }
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return std::unexpected(std::string("socket: ") + std::strerror(errno));
  }
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    const std::string error = "connect " + path + ": " + std::strerror(errno);
    ::close(fd);
    return std::unexpected(error);
  }
  dextqual::wire::Frame out;
  out.json = request;
  auto sent = dextqual::wire::write_frame(fd, out);
  dextqual::wire::Frame reply;
  auto got = sent.ok() ? dextqual::wire::read_frame(fd, reply) : sent;
  ::close(fd);
  if (!got.ok()) {
    return std::unexpected(
        got.kind == dextqual::wire::IoOutcome::Kind::closed ? "simdext closed the connection" : got.error);
  }
  return reply;
}

}  // namespace simdext
