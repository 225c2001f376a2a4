// macOS: uname for the kernel (Darwin), sysctl for the product version ("15.1"). The DEXT under test
// (its bundle id and version from `systemextensionsctl list`) is issue 12's; until then driver_properties
// says nothing rather than guessing from IOKit class names.
#include <sys/sysctl.h>

#include "runner/host_properties.h"

namespace dextqual::runner {
namespace {

std::string sysctl_text(const char* name) {
  char value[256] = {};
  size_t size = sizeof value;
  if (::sysctlbyname(name, value, &size, nullptr, 0) != 0) return {};
  return value;
}

}  // namespace

PropertyMap host_os_properties() {
  auto properties = kernel_properties();
  properties["os.name"] = "macOS";
  properties["os.version"] = sysctl_text("kern.osproductversion");
  properties["os.build"] = sysctl_text("kern.osversion");
  return properties;
}

PropertyMap driver_properties(const std::filesystem::path& /*block_node*/,
                              const std::filesystem::path& /*sysfs*/) {
  return {};
}

}  // namespace dextqual::runner
