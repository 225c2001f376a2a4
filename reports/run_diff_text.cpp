// The two renderings of a RunDiff: headed sections for a person (every section says "no change"
// when there is none, so silence never means "not checked"), and JSON for a machine.
#include <cstdio>

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
  value_lines(out, diff.measurements);
  section(out, "Device identity");
  value_lines(out, diff.identity);
  section(out, "Published transfer limits");
  value_lines(out, diff.limits);
  if (!diff.limits_same.empty()) {
    out += "  the same in both:";
    for (const auto& line : diff.limits_same) out += " " + line + ";";
    out.back() = '\n';
  }
  section(out, "Protocol characteristics");
  value_lines(out, diff.protocol);
  section(out, "Run properties");
  value_lines(out, diff.run_properties);
  section(out, "Commands the device received (opcode, size, outcome)");
  for (const auto& line : diff.commands) out += "  " + line + "\n";
  if (!diff.commands_note.empty()) out += "  " + diff.commands_note + "\n";
  if (!diff.commands.empty() && !diff.limits_same.empty()) {
    out +=
        "  the published limits are the same in both runs, so the difference is in what the driver "
        "passed on, not in what it advertised\n";
  }
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
          {"run_properties", changes_json(diff.run_properties)},
          {"commands",
           {{"compared", diff.commands_compared}, {"changes", diff.commands}, {"note", diff.commands_note}}}};
}

}  // namespace dextqual::reports
