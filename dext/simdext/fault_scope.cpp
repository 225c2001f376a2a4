#include "fault_scope.h"

#include <algorithm>
#include <cstdio>

#include "cdb.h"
#include "config.h"

namespace simdext {
namespace {

const std::vector<uint8_t> kRead = {opcode::read_6, opcode::read_10, opcode::read_12, opcode::read_16};
const std::vector<uint8_t> kWrite = {opcode::write_6, opcode::write_10, opcode::write_12, opcode::write_16};
const std::vector<uint8_t> kSync = {opcode::synchronize_cache_10, opcode::synchronize_cache_16};

std::vector<uint8_t> join(std::initializer_list<std::vector<uint8_t>> lists) {
  std::vector<uint8_t> out;
  for (const auto& l : lists) {
    out.insert(out.end(), l.begin(), l.end());
  }
  return out;
}

// Data-in commands simdext answers with data: the LU's (READ, REQUEST SENSE, INQUIRY, MODE SENSE,
// READ CAPACITY(10/16)) and the controller's (REPORT LUNS; INQUIRY and REQUEST SENSE of an absent LUN).
const std::vector<uint8_t> kDataIn =
    join({kRead,
          {opcode::request_sense, opcode::inquiry, opcode::mode_sense_6, opcode::mode_sense_10,
           opcode::read_capacity_10, opcode::service_action_in_16, opcode::report_luns}});
// Data-out commands the LU consumes: WRITE, VERIFY (BYTCHK), MODE SELECT(6/10).
const std::vector<uint8_t> kDataOut =
    join({kWrite, {opcode::verify_10, opcode::verify_16, opcode::mode_select_6, opcode::mode_select_10}});

const std::vector<std::string> kTeardown = {"eject", "restart", "stop"};

ActionScope any() {
  ActionScope s;
  s.any_command = true;
  return s;
}

ActionScope lu_only(std::vector<uint8_t> opcodes, const char* words) {
  ActionScope s;
  s.opcodes = std::move(opcodes);
  s.commands = words;
  s.needs_lu = true;
  return s;
}

ActionScope make_scope(FaultAction action) {
  switch (action) {
    case FaultAction::ignore:
    case FaultAction::check_condition:
    case FaultAction::transport_error:
    case FaultAction::delay:
    case FaultAction::hang:
    case FaultAction::stall_after_ua:
      return any();
    case FaultAction::data_in_zero:
    case FaultAction::data_in_lost: {
      ActionScope s;
      s.opcodes = kDataIn;
      s.commands =
          "commands with data-in (READ(6/10/12/16), REQUEST SENSE, INQUIRY, MODE SENSE(6/10), READ "
          "CAPACITY(10/16), REPORT LUNS)";
      s.data_in = true;
      return s;
    }
    case FaultAction::flip_bits: {
      ActionScope s;
      s.opcodes = join({kDataIn, kDataOut});
      s.commands =
          "commands with data (data-in: READ, REQUEST SENSE, INQUIRY, MODE SENSE, READ CAPACITY, REPORT "
          "LUNS; data-out: WRITE, VERIFY, MODE SELECT)";
      return s;
    }
    case FaultAction::pin:
    case FaultAction::tear:
      return lu_only(kWrite, "WRITE(6/10/12/16)");
    case FaultAction::stale:
    case FaultAction::destage_read_hits:
      return lu_only(kRead, "READ(6/10/12/16)");
    case FaultAction::misdirect:
    case FaultAction::truncate_lba:
      return lu_only(join({kRead, kWrite}), "READ/WRITE(6/10/12/16)");
    case FaultAction::drop_cache: {
      ActionScope s = lu_only(join({kWrite, kSync}), "WRITE(6/10/12/16) and SYNCHRONIZE CACHE(10/16)");
      s.events = {"detach", "eject", "power-cut", "restart", "reset", "stop"};
      return s;
    }
    case FaultAction::skip_flush: {
      ActionScope s = lu_only(kSync, "SYNCHRONIZE CACHE(10/16)");
      s.events = kTeardown;
      return s;
    }
    case FaultAction::attach_delay: {
      ActionScope s;
      s.events = {"attach"};
      return s;
    }
  }
  return {};
}

bool contains(const std::vector<uint8_t>& list, uint8_t op) {
  return std::find(list.begin(), list.end(), op) != list.end();
}

std::string hex(uint8_t op) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", op);
  return text;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    out += (out.empty() ? "" : ", ") + w;
  }
  return out;
}

}  // namespace

const ActionScope& scope_of(FaultAction action) {
  static const auto scopes = [] {
    std::vector<ActionScope> all;
    for (int a = 0; a <= static_cast<int>(FaultAction::truncate_lba); ++a) {
      all.push_back(make_scope(static_cast<FaultAction>(a)));
    }
    return all;
  }();
  return scopes.at(static_cast<size_t>(action));
}

bool can_act(FaultAction action, const CommandFacts& f) {
  const ActionScope& s = scope_of(action);
  if (s.any_command) {
    return true;
  }
  if (!contains(s.opcodes, f.opcode)) {
    return false;
  }
  if (s.needs_lu && !f.lu_present) {
    return false;
  }
  if (s.data_in) {
    return f.direction == TransferDirection::target_to_host && f.length > 0;
  }
  if (action == FaultAction::flip_bits) {
    // Data-in is corrupted whoever answers; data-out only when the LU consumes it.
    return f.length > 0 && (f.direction == TransferDirection::target_to_host ||
                            (f.direction == TransferDirection::host_to_target && f.lu_present));
  }
  return true;
}

std::expected<void, std::string> check_rule_scope(FaultRule& rule, const std::string& where,
                                                  const Profile& profile) {
  const ActionScope& s = scope_of(rule.action);
  const std::string action = fault_action_name(rule.action);
  const std::string head = where + " ('" + rule.name + "'): " + action;
  if (!rule.match.events.empty()) {
    for (const std::string& e : rule.match.events) {
      if (std::find(s.events.begin(), s.events.end(), e) == s.events.end()) {
        return std::unexpected(head + " cannot act on event '" + e + "'" +
                               (s.events.empty() ? std::string(": it acts on commands only")
                                                 : ": it acts on events " + join_words(s.events)));
      }
    }
    return {};
  }
  if (!s.any_command && s.opcodes.empty()) {
    return std::unexpected(head + " acts on events only (" + join_words(s.events) + "): give `events`");
  }
  if (s.any_command) {
    return {};
  }
  for (uint8_t op : rule.match.opcodes) {
    if (!contains(s.opcodes, op)) {
      return std::unexpected(head + " acts on " + s.commands + " only; opcode " + hex(op) + " is not one");
    }
  }
  if (rule.match.opcodes.empty()) {
    rule.match.opcodes = s.opcodes;
  }
  if (s.data_in && rule.match.direction && *rule.match.direction != TransferDirection::target_to_host) {
    return std::unexpected(head + " acts on data-in only; direction must be \"read\"");
  }
  if (s.needs_lu && rule.match.lun) {
    bool present = false;
    for (const TargetConfig& t : profile.targets) {
      if (!rule.match.target || *rule.match.target == t.id) {
        present = present || std::any_of(t.luns.begin(), t.luns.end(),
                                         [&](const LuConfig& lu) { return lu.id == *rule.match.lun; });
      }
    }
    if (!present) {
      return std::unexpected(head + " acts on a logical unit's commands, and LUN " +
                             std::to_string(*rule.match.lun) +
                             " is not defined (an absent LUN is answered by the controller)");
    }
  }
  return {};
}

}  // namespace simdext
