#include "runner/host_properties.h"

#include <sys/utsname.h>

namespace dextqual::runner {

PropertyMap kernel_properties() {
  PropertyMap properties;
  utsname names{};
  if (::uname(&names) != 0) return properties;
  properties["kernel.name"] = names.sysname;
  properties["kernel.release"] = names.release;
  properties["kernel.version"] = names.version;
  properties["arch"] = names.machine;
  return properties;
}

}  // namespace dextqual::runner
