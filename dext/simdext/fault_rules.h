// Faults as data (STYLE.md 9): a rule matches commands or lifecycle events and applies one action.
// The engine keeps each rule's counters and its seeded random generator, and logs every
// application with the rule's seed and the draw it used, so that a failing run can be replayed.
#pragma once

#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "task.h"

namespace simdext {

enum class FaultAction {
  ignore,             // complete GOOD without effect
  pin,                // keep the write in cache, never destage it
  data_in_zero,       // the data-in DMA delivers zeros
  data_in_lost,       // the data-in DMA is lost: the host buffer stays untouched
  flip_bits,          // flip `bits` random bits of the data (seeded)
  misdirect,          // the command acts on LBA + `delta`
  check_condition,    // complete with `status` and sense key/ASC/ASCQ, no effect
  transport_error,    // SERVICE DELIVERY OR TARGET FAILURE (EIO to the block layer)
  delay,              // complete after `delay_ms`
  hang,               // never complete (until reset, detach, stop, or the task timeout)
  tear,               // at a power cut only the first `sectors` of the write reach the media
  stale,              // reads bypass the cache: serve what the media held before
  drop_cache,         // discard the dirty cache (commands: after executing; events: instead of flushing)
  destage_read_hits,  // a read that hits dirty cache destages it (F4's "read once and it survives")
  stall_after_ua,     // once the target reported its unit attention, nothing more reaches it
  attach_delay,       // an attach takes `delay_ms`
  skip_flush,         // event eject/stop/restart: tear down without flushing (data stays in cache)
  truncate_lba,       // reads and writes keep only the low `bits` bits of their LBA (a 32-bit driver)
};

[[nodiscard]] std::optional<FaultAction> parse_fault_action(const std::string& name);
[[nodiscard]] const char* fault_action_name(FaultAction action);

struct FaultMatch {
  std::vector<uint8_t> opcodes;  // empty = any
  std::optional<uint64_t> target, lun;
  std::optional<uint64_t> lba_min, lba_max;        // the command's LBA range must overlap [min, max]
  std::optional<uint64_t> length_min, length_max;  // transfer length in bytes
  std::optional<TransferDirection> direction;
  std::optional<Initiator> source;
  std::optional<uint64_t> dirty_above;  // the LU's dirty cache holds more than this many bytes
  std::vector<std::string> events;      // lifecycle events; a rule matches events or commands
  uint64_t after = 0;                   // let the first N matches pass
  uint64_t every = 0;                   // then apply to every Nth
  bool once = false;
  double probability = 1.0;
};

struct FaultRule {
  std::string name;
  FaultMatch match;
  FaultAction action = FaultAction::ignore;
  uint64_t seed = 1;
  // Parameters (used by the actions that need them).
  uint64_t bits = 1;
  int64_t delta = 0;
  uint64_t delay_ms = 0;
  uint64_t sectors = 0;
  uint32_t status = 0x02;
  uint8_t sense_key = 0, asc = 0, ascq = 0;
  uint32_t delivery_failure = 5;
};

// What the controller knows about a command when it consults the rules.
struct CommandFacts {
  uint64_t seq = 0;
  uint64_t target = 0, lun = 0;
  uint8_t opcode = 0;
  std::optional<uint64_t> lba;
  uint64_t blocks = 0;
  uint64_t length = 0;  // bytes
  TransferDirection direction = TransferDirection::none;
  Initiator source = Initiator::host;
  uint64_t dirty_bytes = 0;
  bool lu_present = false;  // the addressed LU exists (else the controller answers: absent LUN)
};

struct Application {
  const FaultRule* rule = nullptr;
  uint64_t draw = 0;  // the random value this application used (replay)
};

class FaultEngine {
 public:
  explicit FaultEngine(std::vector<FaultRule> rules);

  [[nodiscard]] std::vector<Application> match_command(const CommandFacts& facts);
  [[nodiscard]] std::vector<Application> match_event(const std::string& event);
  [[nodiscard]] const std::vector<FaultRule>& rules() const { return rules_; }
  [[nodiscard]] nlohmann::json log() const;
  // Records a note in the log (what an application did, e.g. the bits it flipped).
  void note(const std::string& rule, uint64_t seq, const std::string& detail);

 private:
  struct RuleState {
    uint64_t matches = 0;
    uint64_t applications = 0;
    std::mt19937_64 rng;
  };
  bool admit(size_t index, uint64_t& draw);
  void record(size_t index, uint64_t seq, const std::string& what, uint64_t draw);

  std::vector<FaultRule> rules_;
  std::vector<RuleState> state_;
  mutable std::mutex mutex_;
  nlohmann::json log_ = nlohmann::json::array();
};

}  // namespace simdext
