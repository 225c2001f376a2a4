// What changed between two runs (`dextqual diff A B`): verdicts (regressions, fixes, tests in one run
// only), measured figures beyond a threshold, the DUT's identity, the published transfer limits, the
// protocol characteristics, the run properties, and — where both runs have a command trace — the
// shape of what the device received. The last is the KEXT-vs-DEXT comparison that found F2's cause:
// "WRITE(10) above 64 KiB: A received 20 (largest 512 KiB), B received none".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reports/run_merge.h"

namespace dextqual::reports {

struct VerdictChange {
  std::string test;   // "rawio :: TransferSize.Sweep"
  std::string a, b;   // verdict labels; "" when the test is not in that run
  std::string cause;  // B's failure cause for a regression, A's for a fix
};

struct ValueChange {
  std::string name;               // "rawio :: TransferSize.Sweep :: sweep_ok.131072", or "capacity_bytes"
  std::string a, b;               // "" when absent in that run
  std::optional<double> percent;  // measurements: (b - a) / a, when a != 0
};

struct RunDiff {
  std::string label_a, label_b;
  std::vector<VerdictChange> regressions;  // not failing in A, failing in B
  std::vector<VerdictChange> fixes;        // failing in A, not failing in B
  std::vector<VerdictChange> other;        // e.g. PASS -> SKIPPED
  std::vector<std::string> only_in_a, only_in_b;
  std::vector<ValueChange> measurements;  // beyond the threshold
  std::vector<ValueChange> identity;
  std::vector<ValueChange> limits;       // changed published limits
  std::vector<std::string> limits_same;  // "limit_bytes.write = 512 KiB" when equal in both
  std::vector<ValueChange> protocol;
  std::vector<std::string> protocol_same;  // "protocol.physical_interconnect = SCSI" when equal in both
  std::vector<ValueChange> run_properties;
  bool commands_compared = false;
  std::vector<std::string> commands;  // describe_histogram_change(), when compared
  // Commands set against the published limits: "B published a write limit of 512 KiB but received no
  // WRITE above 64 KiB; A received WRITEs up to 1 MiB (published: 1 MiB)" — F2 in one sentence.
  std::vector<std::string> command_diagnosis;
  std::string commands_note;  // why not compared, or "no change"
};

[[nodiscard]] RunDiff diff_runs(const LoadedRun& a, const LoadedRun& b, double threshold_percent = 10);

[[nodiscard]] std::string render_diff_text(const RunDiff& diff, double threshold_percent);
[[nodiscard]] nlohmann::json to_json(const RunDiff& diff);

// Whether a test property is a published transfer limit (limit_bytes.*, effective_*_limit_bytes,
// maximum_transfer_length_blocks) or a protocol characteristic (protocol.*).
[[nodiscard]] bool is_limit_property(const std::string& name);
[[nodiscard]] bool is_protocol_property(const std::string& name);

}  // namespace dextqual::reports
