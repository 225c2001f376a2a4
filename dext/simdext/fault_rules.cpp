#include "fault_rules.h"

#include "fault_scope.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

namespace simdext {
namespace {

constexpr std::array<std::pair<FaultAction, const char*>, 18> kActionNames{{
    {FaultAction::ignore, "ignore"},
    {FaultAction::pin, "pin"},
    {FaultAction::data_in_zero, "data_in_zero"},
    {FaultAction::data_in_lost, "data_in_lost"},
    {FaultAction::flip_bits, "flip_bits"},
    {FaultAction::misdirect, "misdirect"},
    {FaultAction::check_condition, "check_condition"},
    {FaultAction::transport_error, "transport_error"},
    {FaultAction::delay, "delay"},
    {FaultAction::hang, "hang"},
    {FaultAction::tear, "tear"},
    {FaultAction::stale, "stale"},
    {FaultAction::drop_cache, "drop_cache"},
    {FaultAction::destage_read_hits, "destage_read_hits"},
    {FaultAction::stall_after_ua, "stall_after_ua"},
    {FaultAction::attach_delay, "attach_delay"},
    {FaultAction::skip_flush, "skip_flush"},
    {FaultAction::truncate_lba, "truncate_lba"},
}};

}  // namespace

std::optional<FaultAction> parse_fault_action(const std::string& name) {
  for (const auto& [action, text] : kActionNames) {
    if (name == text) {
      return action;
    }
  }
  return std::nullopt;
}

const char* fault_action_name(FaultAction action) {
  for (const auto& [a, text] : kActionNames) {
    if (a == action) {
      return text;
    }
  }
  return "?";
}

FaultEngine::FaultEngine(std::vector<FaultRule> rules) : rules_(std::move(rules)) {
  state_.resize(rules_.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    state_[i].rng.seed(rules_[i].seed);
  }
}

bool FaultEngine::admit(size_t index, uint64_t& draw) {
  const FaultMatch& m = rules_[index].match;
  RuleState& s = state_[index];
  const uint64_t n = ++s.matches;
  if (n <= m.after) {
    return false;
  }
  if (m.every > 1 && (n - m.after) % m.every != 0) {
    return false;
  }
  if (m.once && s.applications > 0) {
    return false;
  }
  draw = s.rng();
  if (m.probability < 1.0) {
    const double p = static_cast<double>(draw >> 11) * 0x1.0p-53;
    if (p >= m.probability) {
      return false;
    }
  }
  ++s.applications;
  return true;
}

void FaultEngine::record(size_t index, uint64_t seq, const std::string& what, uint64_t draw) {
  const FaultRule& rule = rules_[index];
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  log_.push_back({{"rule", rule.name},
                  {"action", fault_action_name(rule.action)},
                  {"seed", rule.seed},
                  {"application", state_[index].applications},
                  {"draw", draw},
                  {"seq", seq},
                  {"on", what},
                  {"t_ns", std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()}});
}

std::vector<Application> FaultEngine::match_command(const CommandFacts& f) {
  std::vector<Application> out;
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < rules_.size(); ++i) {
    const FaultMatch& m = rules_[i].match;
    if (!m.events.empty()) {
      continue;
    }
    if (!m.opcodes.empty() && std::find(m.opcodes.begin(), m.opcodes.end(), f.opcode) == m.opcodes.end()) {
      continue;
    }
    if ((m.target && *m.target != f.target) || (m.lun && *m.lun != f.lun)) {
      continue;
    }
    if (m.direction && *m.direction != f.direction) {
      continue;
    }
    if (m.source && *m.source != f.source) {
      continue;
    }
    if (m.lba_min || m.lba_max) {
      if (!f.lba) {
        continue;
      }
      const uint64_t first = *f.lba;
      const uint64_t last = first + (f.blocks > 0 ? f.blocks - 1 : 0);
      if ((m.lba_min && last < *m.lba_min) || (m.lba_max && first > *m.lba_max)) {
        continue;
      }
    }
    if ((m.length_min && f.length < *m.length_min) || (m.length_max && f.length > *m.length_max)) {
      continue;
    }
    if (m.dirty_above && f.dirty_bytes <= *m.dirty_above) {
      continue;
    }
    if (!can_act(rules_[i].action, f)) {
      continue;  // not a match: the action could not change this command (fault_scope.h)
    }
    uint64_t draw = 0;
    if (!admit(i, draw)) {
      continue;
    }
    record(i, f.seq, "command", draw);
    out.push_back({&rules_[i], draw});
  }
  return out;
}

std::vector<Application> FaultEngine::match_event(const std::string& event) {
  std::vector<Application> out;
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < rules_.size(); ++i) {
    const FaultMatch& m = rules_[i].match;
    if (std::find(m.events.begin(), m.events.end(), event) == m.events.end()) {
      continue;
    }
    uint64_t draw = 0;
    if (!admit(i, draw)) {
      continue;
    }
    record(i, 0, "event:" + event, draw);
    out.push_back({&rules_[i], draw});
  }
  return out;
}

void FaultEngine::note(const std::string& rule, uint64_t seq, const std::string& detail) {
  std::lock_guard lock(mutex_);
  log_.push_back({{"rule", rule}, {"seq", seq}, {"note", detail}});
}

nlohmann::json FaultEngine::log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

}  // namespace simdext
