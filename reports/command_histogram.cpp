#include "reports/command_histogram.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace dextqual::reports {

using nlohmann::json;

std::vector<CommandCount> commands_from_json(const json& commands) {
  std::vector<CommandCount> out;
  if (!commands.is_array()) return out;
  for (const auto& cell : commands) {
    if (!cell.is_object() || !cell.contains("opcode") || !cell["opcode"].is_string()) continue;
    try {
      out.push_back({cell["opcode"].get<std::string>(), cell.value("bucket_bytes", std::uint64_t{0}),
                     cell.value("outcome", "ok"), cell.value("count", std::uint64_t{0}),
                     cell.value("largest_bytes", std::uint64_t{0})});
    } catch (const json::exception&) {
      // A cell with a field of the wrong type is not a count we can trust; the rest still are.
    }
  }
  return out;
}

json to_json(const std::vector<CommandCount>& commands) {
  json out = json::array();
  for (const auto& c : commands) {
    out.push_back({{"opcode", c.opcode},
                   {"bucket_bytes", c.bucket_bytes},
                   {"outcome", c.outcome},
                   {"count", c.count},
                   {"largest_bytes", c.largest_bytes}});
  }
  return out;
}

std::vector<CommandCount> sum_commands(const std::vector<std::vector<CommandCount>>& parts) {
  std::map<std::tuple<std::string, std::uint64_t, std::string>, CommandCount> cells;
  for (const auto& part : parts) {
    for (const auto& c : part) {
      auto& cell = cells[{c.opcode, c.bucket_bytes, c.outcome}];
      if (cell.opcode.empty()) cell = {c.opcode, c.bucket_bytes, c.outcome, 0, 0};
      cell.count += c.count;
      cell.largest_bytes = std::max(cell.largest_bytes, c.largest_bytes);
    }
  }
  std::vector<CommandCount> out;
  for (auto& [key, cell] : cells) out.push_back(std::move(cell));
  return out;
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1ULL << 30) && bytes % (1ULL << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (1ULL << 20) && bytes % (1ULL << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " B";
}

namespace {

struct Shape {
  std::uint64_t top_bucket = 0;  // the largest bucket with a command
  bool any = false;
};

using Key = std::pair<std::string, std::string>;  // opcode, outcome

std::map<Key, Shape> shapes(const std::vector<CommandCount>& commands) {
  std::map<Key, Shape> out;
  for (const auto& c : commands) {
    if (c.count == 0) continue;
    auto& shape = out[{c.opcode, c.outcome}];
    shape.top_bucket = shape.any ? std::max(shape.top_bucket, c.bucket_bytes) : c.bucket_bytes;
    shape.any = true;
  }
  return out;
}

// How many commands of `key` above `boundary` (all of them when `all`), and the largest.
std::string received(const std::vector<CommandCount>& commands, const Key& key, std::uint64_t boundary,
                     bool all) {
  std::uint64_t count = 0;
  std::uint64_t largest = 0;
  for (const auto& c : commands) {
    if (c.opcode != key.first || c.outcome != key.second || (!all && c.bucket_bytes <= boundary)) continue;
    count += c.count;
    largest = std::max(largest, c.largest_bytes);
  }
  if (count == 0) return "none";
  return std::to_string(count) + " (largest " + size_text(largest) + ")";
}

}  // namespace

std::vector<std::string> describe_histogram_change(const std::vector<CommandCount>& a,
                                                   const std::vector<CommandCount>& b) {
  const auto shape_a = shapes(a);
  const auto shape_b = shapes(b);
  std::set<Key> keys;
  for (const auto& [key, shape] : shape_a) keys.insert(key);
  for (const auto& [key, shape] : shape_b) keys.insert(key);
  std::vector<std::string> lines;
  for (const auto& key : keys) {
    const auto in_a = shape_a.find(key);
    const auto in_b = shape_b.find(key);
    const bool a_has = in_a != shape_a.end();
    const bool b_has = in_b != shape_b.end();
    std::string what = key.first + (key.second == "ok" ? "" : " ending in " + key.second);
    if (a_has && b_has && in_a->second.top_bucket == in_b->second.top_bucket) continue;
    if (!a_has || !b_has) {
      lines.push_back(what + ": A received " + received(a, key, 0, true) + ", B received " +
                      received(b, key, 0, true));
      continue;
    }
    const auto boundary = std::min(in_a->second.top_bucket, in_b->second.top_bucket);
    lines.push_back(what + " above " + size_text(boundary) + ": A received " +
                    received(a, key, boundary, false) + ", B received " + received(b, key, boundary, false));
  }
  return lines;
}

}  // namespace dextqual::reports
