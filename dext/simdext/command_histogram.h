// The command histogram: how many commands of each opcode and transfer size (a power-of-two bucket)
// the controller received, and how they ended, counted since this controller came up. It answers
// the KEXT-vs-DEXT question of F2 ("the KEXT received 20 x 512 KiB WRITE(10), the DEXT nothing above
// 64 KiB") for a whole run. Cumulative counters, not the trace: the trace is a bounded ring that a
// long run overflows, a counter never loses a command. Served by the control op "histogram".
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <tuple>

namespace simdext {

// "WRITE(10)", "INQUIRY", ... ; an opcode without a name is "OPCODE 0xNN".
[[nodiscard]] std::string opcode_name(uint8_t opcode);
// The smallest power of two >= bytes (0 stays 0): 65537 and 131072 are both "128 KiB" commands.
[[nodiscard]] uint64_t size_bucket(uint64_t bytes);

class CommandHistogram {
 public:
  // `instance` names this controller's life (a restarted simdext counts from zero under a new one),
  // so a reader that sums snapshots of several lives does not count one twice.
  explicit CommandHistogram(std::string instance) : instance_(std::move(instance)) {}

  void add(std::span<const uint8_t> cdb, uint64_t requested_bytes, bool ok);

  // {"instance": "...", "commands": [{"opcode", "bucket_bytes", "outcome", "count", "largest_bytes"}]}
  [[nodiscard]] nlohmann::json to_json() const;

 private:
  struct Cell {
    uint64_t count = 0;
    uint64_t largest = 0;
  };
  std::string instance_;
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, uint64_t, bool>, Cell> cells_;
};

}  // namespace simdext
