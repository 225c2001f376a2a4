#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "core/durable_sync.h"
#include "core/unique_fd.h"

namespace dextqual {
namespace {

Status write_all(int fd, std::string_view content, const std::string& what) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail_errno("write " + what);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace

Status write_file_atomically(const std::filesystem::path& path, std::string_view content, mode_t mode) {
  const auto directory = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  // The pid keeps two writers (runner and a resumed runner) off each other's temporary file.
  const auto temporary = directory / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
  {
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
    if (!fd) return fail_errno("create " + temporary.string());
    // O_CREAT's mode is filtered by umask and ignored for a leftover file: set it exactly.
    Status written = ::fchmod(fd.get(), mode) == 0 ? Status{} : fail_errno("chmod " + temporary.string());
    if (written) written = write_all(fd.get(), content, temporary.string());
    if (written) written = sync_to_stable_storage(fd.get(), temporary.string());
    if (!written) {
      ::unlink(temporary.c_str());
      return written;
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temporary.c_str());
    return fail_errno("rename " + temporary.string() + " to " + path.string(), err);
  }
  UniqueFd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir) return fail_errno("open directory " + directory.string());
  return sync_to_stable_storage(dir.get(), "directory " + directory.string());
}

}  // namespace dextqual
