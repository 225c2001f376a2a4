#include "integrity/finding.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "integrity/run_identity.h"

namespace dextqual::integrity {
namespace {

std::string generations(GenerationRange range) {
  if (range.floor == range.last) {
    return "gen " + std::to_string(range.last);
  }
  return "gen " + std::to_string(range.floor) + ".." + std::to_string(range.last);
}

std::string gen_or_unknown(const std::optional<std::uint64_t>& generation) {
  return generation ? "gen " + std::to_string(*generation) : std::string("no generation");
}

std::string story(const Finding& f) {
  const std::string expected = "expected " + generations(f.expected);
  switch (f.kind) {
    case SectorClass::intact:
      return "intact — " + gen_or_unknown(f.found_generation);
    case SectorClass::zero_filled:
      return "zero-filled (all 0x00) — " + expected;
    case SectorClass::one_filled:
      return "one-filled (all 0xFF) — " + expected;
    case SectorClass::foreign:
      return "foreign — stamp of run " + hex64(f.found_run_id.value_or(0)) + " (LBA " +
             std::to_string(f.found_lba.value_or(0)) + ", " + gen_or_unknown(f.found_generation) + "), " +
             expected + " of this run";
    case SectorClass::garbage:
      return "garbage — no valid stamp, " + expected;
    case SectorClass::misdirected: {
      const std::string sign = f.lba_delta >= 0 ? "+" : "";
      return "misdirected — holds LBA " + std::to_string(f.found_lba.value_or(0)) + " " +
             gen_or_unknown(f.found_generation) + " (delta " + sign + std::to_string(f.lba_delta) +
             " sectors), " + expected;
    }
    case SectorClass::stale:
      return "stale — " + expected + ", found " + gen_or_unknown(f.found_generation) + " (lost write)";
    case SectorClass::phantom:
      return "phantom — " + expected + ", found " + gen_or_unknown(f.found_generation) + " (never issued)";
    case SectorClass::torn:
      return std::string("torn — ") + (f.torn_scope == TornScope::block ? "logical block" : "sector") +
             " mixes " + gen_or_unknown(f.found_generation) + " and " + gen_or_unknown(f.other_generation) +
             ", " + expected;
    case SectorClass::bit_flip:
      return "bit flip — " + std::to_string(f.bit_count) + " bit(s) differ from " +
             gen_or_unknown(f.found_generation) + ", " + expected;
    case SectorClass::unreadable:
      return "unreadable — read failed: " + std::string(std::strerror(f.error_number)) + " (errno " +
             std::to_string(f.error_number) + ")";
  }
  return "unknown";
}

}  // namespace

std::string to_hex(const std::uint8_t* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    text += kDigits[bytes[i] >> 4];
    text += kDigits[bytes[i] & 0xF];
  }
  return text;
}

std::string Finding::describe() const {
  std::string text = "LBA " + std::to_string(range.first) + ".." + std::to_string(range.end() - 1) + " (" +
                     std::to_string(range.count) + (range.count == 1 ? " sector): " : " sectors): ") +
                     story(*this);
  if (acceptable) {
    text += " [legal here: no write had to survive]";
  }
  return text;
}

bool Finding::try_extend(const Finding& next) {
  if (next.range.first != range.end() || next.kind != kind || next.expected != expected ||
      next.acceptable != acceptable || next.torn_scope != torn_scope || next.error_number != error_number) {
    return false;
  }
  switch (kind) {
    case SectorClass::misdirected:
      if (next.lba_delta != lba_delta || next.found_generation != found_generation) {
        return false;
      }
      break;
    case SectorClass::stale:
    case SectorClass::phantom:
    case SectorClass::bit_flip:
      if (next.found_generation != found_generation) {
        return false;
      }
      break;
    case SectorClass::torn:
      if (next.found_generation != found_generation || next.other_generation != other_generation) {
        return false;
      }
      break;
    case SectorClass::foreign:
      if (next.found_run_id != found_run_id) {
        return false;
      }
      break;
    default:
      break;
  }
  range.count += next.range.count;
  bit_count += next.bit_count;
  return true;
}

void to_json(nlohmann::json& json, const Finding& f) {
  json = nlohmann::json{{"class", std::string(to_string(f.kind))},
                        {"first_lba", f.range.first},
                        {"sectors", f.range.count},
                        {"expected_floor", f.expected.floor},
                        {"expected_last", f.expected.last},
                        {"acceptable", f.acceptable},
                        {"description", f.describe()}};
  if (f.found_generation) {
    json["found_generation"] = *f.found_generation;
  }
  if (f.other_generation) {
    json["other_generation"] = *f.other_generation;
  }
  if (f.found_lba) {
    json["found_lba"] = *f.found_lba;
  }
  if (f.found_run_id) {
    json["found_run_id"] = hex64(*f.found_run_id);
  }
  if (f.kind == SectorClass::misdirected) {
    json["lba_delta"] = f.lba_delta;
  }
  if (f.kind == SectorClass::bit_flip) {
    json["bit_count"] = f.bit_count;
  }
  if (f.kind == SectorClass::torn) {
    json["torn_scope"] = f.torn_scope == TornScope::block ? "block" : "sector";
  }
  if (f.kind == SectorClass::unreadable) {
    json["errno"] = f.error_number;
  }
  if (!f.excerpt.empty()) {
    json["excerpt"] = f.excerpt;
  }
}

}  // namespace dextqual::integrity
