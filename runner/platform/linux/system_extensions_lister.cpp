// Linux: no system extensions, no DEXTs. A station that names one ([dext] bundle_id, --dext) is a
// macOS station run on the wrong host; saying so beats silently qualifying whatever driver Linux has.
#include "runner/dext_check.h"

namespace dextqual::runner {

SystemExtensionsLister platform_system_extensions_lister() {
  return []() -> Result<std::string> {
    return fail("systemextensionsctl list",
                "DEXT checks are macOS-only (DriverKit extensions exist only there) and this host runs "
                "Linux: remove [dext] from the station file (or --dext) to qualify a Linux driver");
  };
}

}  // namespace dextqual::runner
