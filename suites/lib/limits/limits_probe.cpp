#include "limits/limits_probe.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#include "limits/limits_checker.h"

namespace dextqual::limits {

std::string errno_name(int error_number) {
  switch (error_number) {
    case EIO:
      return "EIO";
    case EINVAL:
      return "EINVAL";
    case ENOSPC:
      return "ENOSPC";
    case EILSEQ:
      return "EILSEQ";
    case ENXIO:
      return "ENXIO";
    case EFBIG:
      return "EFBIG";
    case EBADF:
      return "EBADF";
    case ENOMEM:
      return "ENOMEM";
    case EFAULT:
      return "EFAULT";
    case ETIMEDOUT:
      return "ETIMEDOUT";
    case ENODEV:
      return "ENODEV";
    case ENODATA:  // Linux's block layer: BLK_STS_MEDIUM, a medium error
      return "ENODATA";
    case EROFS:
      return "EROFS";
    case EREMOTEIO:  // BLK_STS_TARGET: the target refused the command
      return "EREMOTEIO";
    case ENOLINK:  // BLK_STS_TRANSPORT
      return "ENOLINK";
    default:
      return "errno " + std::to_string(error_number);
  }
}

std::string TransferOutcome::kind() const {
  if (error_number != 0) {
    return errno_name(error_number);
  }
  return transferred == requested ? "ok" : "short";
}

std::string TransferOutcome::describe() const {
  if (error_number != 0) {
    return errno_name(error_number) + " (" + std::strerror(error_number) + ", errno " +
           std::to_string(error_number) + ")";
  }
  if (transferred != requested) {
    return "short: " + std::to_string(transferred) + " of " + std::to_string(requested) + " bytes";
  }
  return "ok";
}

TransferOutcome transfer_once(int fd, Direction direction, std::uint64_t offset,
                              std::span<std::uint8_t> buffer) {
  TransferOutcome outcome;
  outcome.requested = buffer.size();
  const ssize_t done = direction == Direction::read
                           ? ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset))
                           : ::pwrite(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
  if (done < 0) {
    outcome.error_number = errno;
  } else {
    outcome.transferred = static_cast<std::uint64_t>(done);
  }
  return outcome;
}

}  // namespace dextqual::limits
