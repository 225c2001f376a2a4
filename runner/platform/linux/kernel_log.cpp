// Linux: /dev/kmsg, one record per read(), non-blocking; opened at the run's start and read from its
// end, so only what the kernel logs during the run is seen.
#include "runner/kernel_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dextqual::runner {
namespace {

class Kmsg final : public KernelLog {
 public:
  Kmsg() {
    fd_ = ::open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
      status_ = std::string("not watched: /dev/kmsg: ") + std::strerror(errno) +
                " (errors the kernel recovered from are not reported)";
      return;
    }
    ::lseek(fd_, 0, SEEK_END);
    status_ = "watched (/dev/kmsg): I/O errors, retries, resets and timeouts on the DUT's path are reported";
  }
  ~Kmsg() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Kmsg(const Kmsg&) = delete;
  Kmsg& operator=(const Kmsg&) = delete;

  std::string take() override {
    std::string records;
    if (fd_ < 0) return records;
    char record[8192];
    for (int guard = 0; guard < 100000; ++guard) {  // a flood cannot keep the runner here forever
      const ssize_t n = ::read(fd_, record, sizeof record);
      if (n > 0) {
        records.append(record, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EPIPE) continue;  // records were overwritten before we read them: go on
      if (n < 0 && errno == EINTR) continue;
      break;  // EAGAIN: nothing more now
    }
    return records;
  }
  [[nodiscard]] std::string status() const override { return status_; }

 private:
  int fd_ = -1;
  std::string status_;
};

}  // namespace

std::unique_ptr<KernelLog> open_kernel_log() { return std::make_unique<Kmsg>(); }

}  // namespace dextqual::runner
