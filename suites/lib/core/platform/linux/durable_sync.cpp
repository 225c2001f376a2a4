// Linux: fsync is the durable sync (the block layer sends the cache flush).
#include <unistd.h>

#include "core/durable_sync.h"

namespace dextqual {

Status sync_to_stable_storage(int fd, const std::string& what) {
  if (::fsync(fd) != 0) return fail_errno("fsync " + what);
  return {};
}

}  // namespace dextqual
