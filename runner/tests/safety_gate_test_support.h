// For the safety gate's tests (Linux and macOS host snapshots): the rules of `--device /dev/NAME
// --allow-data-loss ID`, and the gate's answer as "admitted" or its refusal text.
#pragma once

#include <string>

#include "runner/safety_gate.h"

namespace dextqual::runner {

inline MatchRules by_path(std::string name, std::string allow) {
  return {.path_name = name,
          .path_given = true,
          .path = "/dev/" + name,
          .serial = {},
          .wwn = {},
          .allow_data_loss = std::move(allow)};
}

inline std::string refusal(const Result<device::BlockDevice>& result) {
  return result ? "admitted" : result.error().message();
}

}  // namespace dextqual::runner
