// Lifecycle events on the simdext control socket ({"op":"event"}), for tests that need a reset or
// a re-attach to happen between two commands (UNIT ATTENTION sequencing). Framing only; nothing SCSI.
#pragma once

#include <string>

#include "core/result.h"

namespace dextqual::scsi {

// "reset", "detach", "attach", ...: simdext's event vocabulary (dext/README.md).
[[nodiscard]] Status simdext_event(const std::string& socket_path, const std::string& event);

}  // namespace dextqual::scsi
