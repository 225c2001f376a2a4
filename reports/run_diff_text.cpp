// The two renderings of a RunDiff: headed sections for a person (every section says "no change"
// when there is none, so silence never means "not checked"), and JSON for a machine.
#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "reports/command_histogram.h"
#include "reports/run_diff.h"

namespace dextqual::reports {
namespace {

using nlohmann::json;

std::string shown(const std::string& value) { return value.empty() ? "(not recorded)" : value; }

void section(std::string& out, const std::string& title) { out += "\n== " + title + " ==\n"; }

void value_lines(std::string& out, const std::vector<ValueChange>& changes) {
  if (changes.empty()) {
    out += "  no change\n";
    return;
  }
  for (const auto& change : changes) {
    out += "  " + change.name + ": A " + shown(change.a) + ", B " + shown(change.b);
    if (change.percent) {
      char text[32];
      std::snprintf(text, sizeof text, " (%+.1f%%)", *change.percent);
      out += text;
    }
    out += "\n";
  }
}

// A size sweep's per-size flags (sweep_ok.<bytes>) that changed the same way, as one line:
// "... :: sweep_ok at 128 KiB, 256 KiB, 1 MiB: A 1, B 0" rather than a line per size.
std::pair<std::string, std::uint64_t> sweep_order(const std::string& name) {
  const auto at = name.rfind(" :: sweep_ok.");
  if (at == std::string::npos) return {name, 0};
  try {
    return {name.substr(0, at + 13), std::stoull(name.substr(at + 13))};
  } catch (const std::exception&) {
    return {name, 0};
  }
}

std::vector<ValueChange> with_sweeps_folded(std::vector<ValueChange> changes) {
  std::stable_sort(changes.begin(), changes.end(), [](const ValueChange& x, const ValueChange& y) {
    return sweep_order(x.name) < sweep_order(y.name);
  });
  std::vector<ValueChange> folded;
  for (const auto& change : changes) {
    const auto at = change.name.rfind(" :: sweep_ok.");
    if (at == std::string::npos) {
      folded.push_back(change);
      continue;
    }
    std::string size = change.name.substr(at + 13);
    try {
      size = size_text(std::stoull(size));
    } catch (const std::exception&) {
      // not a byte count: shown as written
    }
    const std::string prefix = change.name.substr(0, at) + " :: sweep_ok at ";
    if (!folded.empty() && folded.back().name.starts_with(prefix) && folded.back().a == change.a &&
        folded.back().b == change.b) {
      folded.back().name += ", " + size;
      continue;
    }
    folded.push_back({prefix + size, change.a, change.b, change.percent});
  }
  return folded;
}

// A section of exactly compared values: the changes, what is the same in both, or that no test
// recorded any (so "no change" never stands for "not looked at").
void recorded_lines(std::string& out, const std::vector<ValueChange>& changes,
                    const std::vector<std::string>& same) {
  if (changes.empty() && same.empty()) {
    out += "  not recorded in either run\n";
    return;
  }
  value_lines(out, changes);
  if (same.empty()) return;
  out += "  the same in both:";
  for (const auto& line : same) out += " " + line + ";";
  out.back() = '\n';
}

void verdict_lines(std::string& out, const std::string& title, const std::vector<VerdictChange>& changes) {
  out += "  " + title + ": " + (changes.empty() ? "none" : std::to_string(changes.size())) + "\n";
  for (const auto& change : changes) {
    out += "    " + change.test + ": " + change.a + " -> " + change.b;
    if (!change.cause.empty()) out += "  (" + change.cause + ")";
    out += "\n";
  }
}

void name_lines(std::string& out, const std::string& title, const std::vector<std::string>& names) {
  if (names.empty()) return;
  out += "  " + title + ": " + std::to_string(names.size()) + "\n";
  for (const auto& name : names) out += "    " + name + "\n";
}

json changes_json(const std::vector<ValueChange>& changes) {
  json out = json::array();
  for (const auto& c : changes) {
    json entry = {{"name", c.name}, {"a", c.a}, {"b", c.b}};
    if (c.percent) entry["percent"] = *c.percent;
    out.push_back(entry);
  }
  return out;
}

json verdicts_json(const std::vector<VerdictChange>& changes) {
  json out = json::array();
  for (const auto& c : changes) out.push_back({{"test", c.test}, {"a", c.a}, {"b", c.b}, {"cause", c.cause}});
  return out;
}

}  // namespace

std::string render_diff_text(const RunDiff& diff, double threshold_percent) {
  std::string out = "dextqual diff\n  A: " + diff.label_a + "\n  B: " + diff.label_b + "\n";
  section(out, "Verdicts");
  const bool none = diff.regressions.empty() && diff.fixes.empty() && diff.other.empty() &&
                    diff.only_in_a.empty() && diff.only_in_b.empty();
  if (none) {
    out += "  no change\n";
  } else {
    verdict_lines(out, "regressions (not failing in A, failing in B)", diff.regressions);
    verdict_lines(out, "fixes (failing in A, not failing in B)", diff.fixes);
    if (!diff.other.empty()) verdict_lines(out, "other verdict changes", diff.other);
    name_lines(out, "tests only in A", diff.only_in_a);
    name_lines(out, "tests only in B", diff.only_in_b);
  }
  char threshold[48];
  std::snprintf(threshold, sizeof threshold, "Measurements beyond %.4g%%", threshold_percent);
  section(out, threshold);
  value_lines(out, with_sweeps_folded(diff.measurements));
  section(out, "Device identity");
  value_lines(out, diff.identity);
  section(out, "Published transfer limits");
  recorded_lines(out, diff.limits, diff.limits_same);
  section(out, "Protocol characteristics");
  recorded_lines(out, diff.protocol, diff.protocol_same);
  section(out, "Run properties");
  value_lines(out, diff.run_properties);
  section(out, "Commands the device received (opcode, size, outcome)");
  for (const auto& line : diff.commands) out += "  " + line + "\n";
  if (!diff.commands_note.empty()) out += "  " + diff.commands_note + "\n";
  for (const auto& line : diff.command_diagnosis) out += "  => " + line + "\n";
  return out;
}

json to_json(const RunDiff& diff) {
  return {{"schema", "dextqual-diff/1"},
          {"a", diff.label_a},
          {"b", diff.label_b},
          {"regressions", verdicts_json(diff.regressions)},
          {"fixes", verdicts_json(diff.fixes)},
          {"other_verdict_changes", verdicts_json(diff.other)},
          {"only_in_a", diff.only_in_a},
          {"only_in_b", diff.only_in_b},
          {"measurements", changes_json(diff.measurements)},
          {"identity", changes_json(diff.identity)},
          {"limits", changes_json(diff.limits)},
          {"limits_same", diff.limits_same},
          {"protocol", changes_json(diff.protocol)},
          {"protocol_same", diff.protocol_same},
          {"run_properties", changes_json(diff.run_properties)},
          {"commands",
           {{"compared", diff.commands_compared},
            {"changes", diff.commands},
            {"diagnosis", diff.command_diagnosis},
            {"note", diff.commands_note}}}};
}

}  // namespace dextqual::reports
