// macOS: the boot session UUID from sysctl.
#include <sys/sysctl.h>
#include <unistd.h>

#include "runner/host_identity.h"

namespace dextqual::runner {

std::string boot_id() {
  char uuid[64] = {};
  size_t size = sizeof uuid;
  if (::sysctlbyname("kern.bootsessionuuid", uuid, &size, nullptr, 0) != 0) return {};
  return uuid;
}

std::string host_name() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

}  // namespace dextqual::runner
