#include "command_histogram.h"

#include <bit>
#include <cstdio>

#include "cdb.h"

namespace simdext {

std::string opcode_name(uint8_t op) {
  switch (op) {
    case opcode::test_unit_ready:
      return "TEST UNIT READY";
    case opcode::request_sense:
      return "REQUEST SENSE";
    case opcode::read_6:
      return "READ(6)";
    case opcode::write_6:
      return "WRITE(6)";
    case opcode::inquiry:
      return "INQUIRY";
    case opcode::mode_select_6:
      return "MODE SELECT(6)";
    case opcode::mode_sense_6:
      return "MODE SENSE(6)";
    case opcode::start_stop_unit:
      return "START STOP UNIT";
    case opcode::prevent_allow_medium_removal:
      return "PREVENT ALLOW MEDIUM REMOVAL";
    case opcode::read_capacity_10:
      return "READ CAPACITY(10)";
    case opcode::read_10:
      return "READ(10)";
    case opcode::write_10:
      return "WRITE(10)";
    case opcode::verify_10:
      return "VERIFY(10)";
    case opcode::synchronize_cache_10:
      return "SYNCHRONIZE CACHE(10)";
    case opcode::mode_select_10:
      return "MODE SELECT(10)";
    case opcode::mode_sense_10:
      return "MODE SENSE(10)";
    case opcode::read_16:
      return "READ(16)";
    case opcode::write_16:
      return "WRITE(16)";
    case opcode::verify_16:
      return "VERIFY(16)";
    case opcode::synchronize_cache_16:
      return "SYNCHRONIZE CACHE(16)";
    case opcode::service_action_in_16:
      return "SERVICE ACTION IN(16)";
    case opcode::report_luns:
      return "REPORT LUNS";
    case opcode::read_12:
      return "READ(12)";
    case opcode::write_12:
      return "WRITE(12)";
    default:
      break;
  }
  char text[16];
  std::snprintf(text, sizeof text, "OPCODE 0x%02X", op);
  return text;
}

uint64_t size_bucket(uint64_t bytes) { return bytes == 0 ? 0 : std::bit_ceil(bytes); }

void CommandHistogram::add(std::span<const uint8_t> cdb, uint64_t requested_bytes, bool ok) {
  if (cdb.empty()) return;
  const std::tuple key{opcode_name(cdb[0]), size_bucket(requested_bytes), ok};
  std::lock_guard lock(mutex_);
  Cell& cell = cells_[key];
  ++cell.count;
  if (requested_bytes > cell.largest) cell.largest = requested_bytes;
}

nlohmann::json CommandHistogram::to_json() const {
  nlohmann::json commands = nlohmann::json::array();
  std::lock_guard lock(mutex_);
  for (const auto& [key, cell] : cells_) {
    const auto& [name, bucket, ok] = key;
    commands.push_back({{"opcode", name},
                        {"bucket_bytes", bucket},
                        {"outcome", ok ? "ok" : "error"},
                        {"count", cell.count},
                        {"largest_bytes", cell.largest}});
  }
  return {{"instance", instance_}, {"commands", std::move(commands)}};
}

}  // namespace simdext
