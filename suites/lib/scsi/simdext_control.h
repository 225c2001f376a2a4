// Lifecycle events on the simdext control socket ({"op":"event"}), for tests that need a reset or
// a re-attach to happen between two commands (UNIT ATTENTION sequencing), and plain requests such as
// the runner's {"op":"histogram"}. Framing only; nothing SCSI.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace dextqual::scsi {

// One request on the control socket and its reply; a reply without "ok": true is an error.
[[nodiscard]] Result<nlohmann::json> simdext_request(const std::string& socket_path,
                                                     const nlohmann::json& request);

// "reset", "detach", "attach", ...: simdext's event vocabulary (dext/README.md).
[[nodiscard]] Status simdext_event(const std::string& socket_path, const std::string& event);

}  // namespace dextqual::scsi
