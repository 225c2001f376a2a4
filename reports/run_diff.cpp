#include "reports/run_diff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "reports/command_histogram.h"
#include "reports/failure_causes.h"

namespace dextqual::reports {
namespace {

std::map<std::string, const TestResult*> tests_of(const Report& report) {
  std::map<std::string, const TestResult*> tests;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) tests[test_key(test)] = &test;
  }
  return tests;
}

// Every test property of one kind, keyed "suite :: test :: property".
template <typename Predicate>
std::map<std::string, std::string> properties_of(const Report& report, Predicate wanted) {
  std::map<std::string, std::string> found;
  for (const auto& suite : report.suites) {
    for (const auto& test : suite.tests) {
      for (const auto& [name, value] : test.properties) {
        if (wanted(name)) found[test_key(test) + " :: " + name] = value;
      }
    }
  }
  return found;
}

std::string last_part(const std::string& key) {
  const auto at = key.rfind(" :: ");
  return at == std::string::npos ? key : key.substr(at + 4);
}

void compare(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b,
             std::vector<ValueChange>& changes, std::vector<std::string>* same = nullptr) {
  std::set<std::string> names;
  for (const auto& [name, value] : a) names.insert(name);
  for (const auto& [name, value] : b) names.insert(name);
  for (const auto& name : names) {
    const auto in_a = a.find(name);
    const auto in_b = b.find(name);
    const std::string va = in_a == a.end() ? "" : in_a->second;
    const std::string vb = in_b == b.end() ? "" : in_b->second;
    if (va != vb) {
      changes.push_back({name, va, vb, std::nullopt});
    } else if (same != nullptr) {
      same->push_back(name + " = " + va);
    }
  }
}

std::map<std::string, std::string> identity_of(const DutInfo& dut) {
  return {{"kind", dut.kind},
          {"vendor", dut.vendor},
          {"product", dut.product},
          {"revision", dut.revision},
          {"serial", dut.serial},
          {"wwn", dut.wwn},
          {"capacity_bytes", std::to_string(dut.capacity_bytes)},
          {"logical_block_size", std::to_string(dut.logical_block_size)},
          {"simdext profile", dut.profile}};
}

std::string number_text(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

void diff_verdicts(const Report& a, const Report& b, RunDiff& diff) {
  const auto tests_a = tests_of(a);
  const auto tests_b = tests_of(b);
  for (const auto& [key, test] : tests_a) {
    const auto other = tests_b.find(key);
    if (other == tests_b.end()) {
      diff.only_in_a.push_back(key);
      continue;
    }
    const auto* test_b = other->second;
    if (test->verdict == test_b->verdict) continue;
    VerdictChange change{key, std::string(label(test->verdict)), std::string(label(test_b->verdict)), ""};
    if (!is_failure(test->verdict) && is_failure(test_b->verdict)) {
      change.cause = failure_cause(*test_b);
      diff.regressions.push_back(std::move(change));
    } else if (is_failure(test->verdict) && !is_failure(test_b->verdict)) {
      change.cause = failure_cause(*test);
      diff.fixes.push_back(std::move(change));
    } else {
      diff.other.push_back(std::move(change));
    }
  }
  for (const auto& [key, test] : tests_b) {
    if (!tests_a.contains(key)) diff.only_in_b.push_back(key);
  }
}

void diff_measurements(const Report& a, const Report& b, double threshold, RunDiff& diff) {
  const auto tests_b = tests_of(b);
  for (const auto& [key, test] : tests_of(a)) {
    const auto other = tests_b.find(key);
    if (other == tests_b.end()) continue;
    std::map<std::string, double> values_b;
    for (const auto& m : other->second->measurements) values_b[m.name] = m.value;
    for (const auto& m : test->measurements) {
      // Limits and protocol figures have sections of their own, compared exactly.
      if (is_limit_property(m.name) || is_protocol_property(m.name)) continue;
      const auto in_b = values_b.find(m.name);
      if (in_b == values_b.end() || in_b->second == m.value) continue;
      std::optional<double> percent;
      if (m.value != 0) percent = (in_b->second - m.value) / std::fabs(m.value) * 100;
      if (percent && std::fabs(*percent) <= threshold) continue;
      diff.measurements.push_back(
          {key + " :: " + m.name, number_text(m.value), number_text(in_b->second), percent});
    }
  }
}

// The largest published limit of a direction ("write", "read") any test recorded; 0 when none did.
std::uint64_t published_limit(const Report& report, const std::string& direction) {
  std::uint64_t limit = 0;
  const auto names = {"limit_bytes." + direction, "effective_" + direction + "_limit_bytes"};
  for (const auto& [key, value] : properties_of(report, [&](const std::string& name) {
         return std::find(names.begin(), names.end(), name) != names.end();
       })) {
    try {
      limit = std::max<std::uint64_t>(limit, std::stoull(value));
    } catch (const std::exception&) {
      // not a number: not a limit we can compare
    }
  }
  return limit;
}

// The largest transfer of `opcode` that completed GOOD.
std::uint64_t largest_received(const std::vector<CommandCount>& commands, const std::string& opcode) {
  std::uint64_t largest = 0;
  for (const auto& c : commands) {
    if (c.opcode == opcode && c.outcome == "ok") largest = std::max(largest, c.largest_bytes);
  }
  return largest;
}

// One side advertised more than it ever passed on to the device while the other passed on more: the
// driver split or refused requests its published limits allowed (F2: maxTransferSize below the limits).
// Per opcode, as the histogram lines above it are.
void diagnose_commands(const LoadedRun& a, const LoadedRun& b, RunDiff& diff) {
  std::set<std::string> opcodes;
  for (const auto* run : {&a, &b}) {
    for (const auto& c : *run->report.commands) opcodes.insert(c.opcode);
  }
  for (const auto& opcode : opcodes) {
    const std::string direction = opcode.starts_with("WRITE(")  ? "write"
                                  : opcode.starts_with("READ(") ? "read"
                                                                : "";
    if (direction.empty()) continue;
    for (const auto* side : {&a, &b}) {
      const auto* other = side == &a ? &b : &a;
      const auto limit = published_limit(side->report, direction);
      const auto largest = largest_received(*side->report.commands, opcode);
      const auto largest_other = largest_received(*other->report.commands, opcode);
      if (limit == 0 || largest >= limit || largest_other <= largest) continue;
      const auto limit_other = published_limit(other->report, direction);
      diff.command_diagnosis.push_back(
          std::string(side == &a ? "A" : "B") + " published a " + direction + " limit of " +
          size_text(limit) + " but the device received no " + opcode + " above " + size_text(largest) + "; " +
          (side == &a ? "B" : "A") + " received " + opcode + " up to " + size_text(largest_other) +
          (limit_other == 0 ? "" : " (published: " + size_text(limit_other) + ")") +
          ". Requests between the two never reached the device: the driver refused or split what its limits "
          "allow.");
    }
  }
}

void diff_commands(const LoadedRun& a, const LoadedRun& b, RunDiff& diff) {
  if (!a.report.commands || !b.report.commands) {
    const std::string which = !a.report.commands && !b.report.commands ? "neither run"
                              : !a.report.commands                     ? "A (" + a.label + ")"
                                                                       : "B (" + b.label + ")";
    diff.commands_note = "not compared: no command trace in " + which +
                         " (only simdext keeps one; a real device's driver is not observed here)";
    return;
  }
  diff.commands_compared = true;
  diff.commands = describe_histogram_change(*a.report.commands, *b.report.commands);
  diagnose_commands(a, b, diff);
  if (diff.commands.empty()) diff.commands_note = "no change: every opcode reached the same largest size";
}

// "524288" -> "512 KiB"; anything else as it is.
std::string bytes_text(const std::string& value) {
  try {
    std::size_t used = 0;
    const auto bytes = std::stoull(value, &used);
    return used == value.size() ? size_text(bytes) : value;
  } catch (const std::exception&) {
    return value;
  }
}

// "limit_bytes.write = 524288" -> "limit_bytes.write = 512 KiB".
std::string with_byte_size(const std::string& line) {
  const auto at = line.find(" = ");
  if (at == std::string::npos || line.find("bytes") > at) return line;
  try {
    return line.substr(0, at + 3) + size_text(std::stoull(line.substr(at + 3)));
  } catch (const std::exception&) {
    return line;
  }
}

}  // namespace

bool is_limit_property(const std::string& name) {
  return name.starts_with("limit_bytes.") ||
         (name.starts_with("effective_") && name.ends_with("_limit_bytes")) ||
         name == "maximum_transfer_length_blocks";
}

bool is_protocol_property(const std::string& name) { return name.starts_with("protocol."); }

RunDiff diff_runs(const LoadedRun& a, const LoadedRun& b, double threshold_percent) {
  RunDiff diff;
  diff.label_a = a.label;
  diff.label_b = b.label;
  diff_verdicts(a.report, b.report, diff);
  diff_measurements(a.report, b.report, threshold_percent, diff);
  compare(identity_of(a.report.dut), identity_of(b.report.dut), diff.identity);
  std::vector<std::string> same_limits;
  compare(properties_of(a.report, is_limit_property), properties_of(b.report, is_limit_property), diff.limits,
          &same_limits);
  for (auto& change : diff.limits) {
    if (change.name.ends_with("bytes") || change.name.find("limit_bytes.") != std::string::npos) {
      change.a = bytes_text(change.a);
      change.b = bytes_text(change.b);
    }
  }
  // The same limit recorded by several tests says one thing: keep each name and value once.
  std::set<std::string> seen;
  for (const auto& line : same_limits) {
    if (seen.insert(last_part(line)).second) diff.limits_same.push_back(with_byte_size(last_part(line)));
  }
  std::vector<std::string> same_protocol;
  compare(properties_of(a.report, is_protocol_property), properties_of(b.report, is_protocol_property),
          diff.protocol, &same_protocol);
  seen.clear();
  for (const auto& line : same_protocol) {
    if (seen.insert(last_part(line)).second) diff.protocol_same.push_back(last_part(line));
  }
  compare(a.report.run.properties, b.report.run.properties, diff.run_properties);
  diff_commands(a, b, diff);
  return diff;
}

}  // namespace dextqual::reports
