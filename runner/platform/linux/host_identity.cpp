// Linux: the kernel's random boot id.
#include <unistd.h>

#include <fstream>

#include "runner/host_identity.h"

namespace dextqual::runner {

std::string boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

std::string host_name() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

}  // namespace dextqual::runner
