// The command histogram of a run as data: read from simdext's "histogram" replies (one per life of
// the simulated controller), summed over those lives, written into summary.json as
// "command_histogram", and compared between two runs in words — the KEXT-vs-DEXT comparison that
// found F2's cause ("WRITE(10) above 64 KiB: A received 20 (largest 512 KiB), B received none").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::reports {

// The "commands" array of a histogram reply or of summary.json; malformed cells are left out.
[[nodiscard]] std::vector<CommandCount> commands_from_json(const nlohmann::json& commands);
[[nodiscard]] nlohmann::json to_json(const std::vector<CommandCount>& commands);

// The sum of several snapshots (cells with the same opcode, bucket and outcome add up).
[[nodiscard]] std::vector<CommandCount> sum_commands(const std::vector<std::vector<CommandCount>>& parts);

// "512 KiB", "4 MiB", "512 B".
[[nodiscard]] std::string size_text(std::uint64_t bytes);

// One line per (opcode, outcome) whose size profile differs between A and B, said the way F2 was
// found: "WRITE(10) above 64 KiB: A received 20 (largest 512 KiB), B received none". The boundary is
// the largest bucket both runs reached for that opcode and outcome. Empty: the same shape.
[[nodiscard]] std::vector<std::string> describe_histogram_change(const std::vector<CommandCount>& a,
                                                                 const std::vector<CommandCount>& b);

}  // namespace dextqual::reports
