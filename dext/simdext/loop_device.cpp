#include "loop_device.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/loop.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

namespace simdext {
namespace {

struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

}  // namespace

std::expected<LoopAttachment, std::string> attach_loop(const std::string& backing_file, uint32_t block_size) {
  Fd control(::open("/dev/loop-control", O_RDWR | O_CLOEXEC));
  if (control.fd < 0) {
    return std::unexpected(std::string("open /dev/loop-control: ") + std::strerror(errno));
  }
  // O_DIRECT on the backing file lets the loop driver use direct I/O (no double caching).
  bool direct = true;
  Fd backing(::open(backing_file.c_str(), O_RDWR | O_CLOEXEC | O_DIRECT));
  if (backing.fd < 0) {
    direct = false;
    backing.fd = ::open(backing_file.c_str(), O_RDWR | O_CLOEXEC);
  }
  if (backing.fd < 0) {
    return std::unexpected("open " + backing_file + ": " + std::strerror(errno));
  }
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int number = ::ioctl(control.fd, LOOP_CTL_GET_FREE);
    if (number < 0) {
      return std::unexpected(std::string("LOOP_CTL_GET_FREE: ") + std::strerror(errno));
    }
    const std::string device = "/dev/loop" + std::to_string(number);
    int fd = -1;
    for (int wait = 0; wait < 100 && fd < 0; ++wait) {  // udev/devtmpfs may lag a new minor
      fd = ::open(device.c_str(), O_RDWR | O_CLOEXEC);
      if (fd < 0 && errno == ENOENT) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      } else {
        break;
      }
    }
    Fd loop(fd);
    if (loop.fd < 0) {
      return std::unexpected("open " + device + ": " + std::strerror(errno));
    }
    loop_config config{};
    config.fd = static_cast<uint32_t>(backing.fd);
    config.block_size = block_size;
    config.info.lo_flags = LO_FLAGS_PARTSCAN | (direct ? LO_FLAGS_DIRECT_IO : 0);
    std::strncpy(reinterpret_cast<char*>(config.info.lo_file_name), backing_file.c_str(), LO_NAME_SIZE - 1);
    if (::ioctl(loop.fd, LOOP_CONFIGURE, &config) == 0) {
      return LoopAttachment{device, direct};
    }
    if (errno == EBUSY) {
      continue;  // another process took it between GET_FREE and CONFIGURE
    }
    if (errno == EINVAL && direct) {
      // The backing file refused direct I/O: configure without it.
      config.info.lo_flags = LO_FLAGS_PARTSCAN;
      if (::ioctl(loop.fd, LOOP_CONFIGURE, &config) == 0) {
        return LoopAttachment{device, false};
      }
    }
    if (errno == EINVAL || errno == ENOTTY) {
      // Kernels before 5.8: LOOP_SET_FD, then LOOP_SET_STATUS64 and LOOP_SET_DIRECT_IO.
      if (::ioctl(loop.fd, LOOP_SET_FD, backing.fd) != 0) {
        if (errno == EBUSY) {
          continue;
        }
        return std::unexpected("LOOP_SET_FD " + device + ": " + std::strerror(errno));
      }
      ::ioctl(loop.fd, LOOP_SET_BLOCK_SIZE, static_cast<unsigned long>(block_size));
      loop_info64 info{};
      info.lo_flags = LO_FLAGS_PARTSCAN;
      ::ioctl(loop.fd, LOOP_SET_STATUS64, &info);
      const bool dio = direct && ::ioctl(loop.fd, LOOP_SET_DIRECT_IO, 1UL) == 0;
      return LoopAttachment{device, dio};
    }
    return std::unexpected("LOOP_CONFIGURE " + device + ": " + std::strerror(errno));
  }
  return std::unexpected("no free loop device after 20 attempts");
}

uint64_t set_max_request_bytes(const std::string& device, uint64_t bytes) {
  const std::string queue = "/sys/block/" + device.substr(device.find_last_of('/') + 1) + "/queue/";
  uint64_t hw_kb = 0, before_kb = 0;
  if (!(std::ifstream(queue + "max_hw_sectors_kb") >> hw_kb) ||
      !(std::ifstream(queue + "max_sectors_kb") >> before_kb)) {
    return 0;
  }
  const uint64_t kb = std::min<uint64_t>(bytes / 1024, hw_kb);
  if (kb != 0) {
    std::ofstream(queue + "max_sectors_kb") << kb << '\n';
  }
  return before_kb * 1024;
}

bool detach_loop(const std::string& device) {
  Fd loop(::open(device.c_str(), O_RDWR | O_CLOEXEC));
  if (loop.fd < 0) {
    return errno == ENOENT;
  }
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (::ioctl(loop.fd, LOOP_CLR_FD, 0) == 0 || errno == ENXIO) {
      return true;
    }
    if (errno != EBUSY) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::vector<std::string> loops_backed_under(const std::string& prefix) {
  std::vector<std::string> out;
  DIR* dir = ::opendir("/sys/block");
  if (dir == nullptr) {
    return out;
  }
  while (dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.rfind("loop", 0) != 0) {
      continue;
    }
    std::ifstream in("/sys/block/" + name + "/loop/backing_file");
    std::string backing;
    if (std::getline(in, backing) && backing.rfind(prefix, 0) == 0) {
      out.push_back("/dev/" + name);
    }
  }
  ::closedir(dir);
  return out;
}

}  // namespace simdext
