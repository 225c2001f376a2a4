// `dextqual list` (suites and their tests) and `dextqual inspect` (a device's identity, size, what
// holds it, and what the safety gate would decide). Neither writes anything.
#pragma once

#include "runner/installation.h"
#include "runner/safety_gate.h"

namespace dextqual::runner {

[[nodiscard]] int list_command(const Installation& installation, const std::vector<std::string>& suites,
                               const std::string& filter);
[[nodiscard]] int inspect_command(const DeviceRequest& request);

}  // namespace dextqual::runner
