// The only file that includes the generated revision header (see cmake/Revision.cmake), so a new
// commit recompiles this file and relinks, nothing else.
#include "runner/version.h"

#include "dextqual_revision.h"

namespace dextqual::runner {

std::string version_string() { return std::string(DEXTQUAL_VERSION) + " (" + DEXTQUAL_REVISION + ")"; }

}  // namespace dextqual::runner
