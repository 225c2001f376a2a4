// `dextqual inspect` (a device's identity, size, what holds it, and what the safety gate would
// decide). It writes nothing. (`dextqual list` is list_command.h.)
#pragma once

#include "runner/installation.h"
#include "runner/safety_gate.h"

namespace dextqual::runner {

[[nodiscard]] int inspect_command(const DeviceRequest& request);

}  // namespace dextqual::runner
