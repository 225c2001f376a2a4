// macOS: `systemextensionsctl list` through the one process wrapper (STYLE.md rule 7), bounded by a
// timeout. It needs no root; it reads what sysextd knows. Its output is parsed by suites/lib/macos.
#include "process/child_process.h"
#include "runner/dext_check.h"

namespace dextqual::runner {

SystemExtensionsLister platform_system_extensions_lister() {
  return []() -> Result<std::string> {
    process::ChildSpec spec;
    spec.argv = {"/usr/bin/systemextensionsctl", "list"};
    spec.timeout = std::chrono::seconds(30);
    spec.env = {{"LC_ALL", "C"}};
    const auto outcome = process::run_child(spec);
    if (!outcome.succeeded()) {
      return fail(process::quote_command(spec.argv), outcome.describe() + ": " + outcome.err.text());
    }
    return outcome.out.text();
  };
}

}  // namespace dextqual::runner
