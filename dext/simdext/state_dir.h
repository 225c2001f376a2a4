// The state directory of one simdext: simdext.json (the description), control.sock, fuse/ (the
// mountpoint), the media files and simdext.log. Recovery after a killed simdext: loop devices
// backed by fuse/disk are detached, the FUSE mount is aborted and lazily unmounted.
#pragma once

#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "wire/control_wire.h"

namespace simdext {

[[nodiscard]] std::optional<nlohmann::json> read_description(const std::string& state_dir);
// True while the process exists and is not a zombie.
[[nodiscard]] bool process_alive(int pid);
// The pid of a live simdext serving this state directory, or 0.
[[nodiscard]] int running_pid(const std::string& state_dir);
// Removes what a dead simdext left behind; returns a list of what it cleaned.
std::vector<std::string> recover_state(const std::string& state_dir);
// One request/reply on the control socket.
[[nodiscard]] std::expected<dextqual::wire::Frame, std::string> control_request(
    const std::string& state_dir, const nlohmann::json& request);

}  // namespace simdext
