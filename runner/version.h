// What `dextqual --version` and the reports say: the release version and the source revision.
#pragma once

#include <string>

namespace dextqual::runner {

// "0.1.0 (a1b2c3d-dirty)", or "0.1.0 (unknown revision)" for a build outside a git checkout.
[[nodiscard]] std::string version_string();

}  // namespace dextqual::runner
