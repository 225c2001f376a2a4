#include "runner/field_report_table.h"

#include <algorithm>

namespace dextqual::runner {
namespace {

// "F1" < "F2" < "F10" < "" (profiles not tied to a field report last), then by name.
auto sort_key(const SelftestSpec& spec) {
  int number = 1000;
  if (spec.field_report.size() > 1 && spec.field_report[0] == 'F') {
    number = std::atoi(spec.field_report.c_str() + 1);
  }
  return std::pair(number, spec.name);
}

std::string cell_text(std::string text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string field_report_table(const std::vector<SelftestSpec>& profiles) {
  std::vector<const SelftestSpec*> rows;
  for (const auto& spec : profiles) {
    if (!spec.is_clean()) rows.push_back(&spec);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto* a, const auto* b) { return sort_key(*a) < sort_key(*b); });
  std::string table =
      "| F | Profile | What it does | Caught by (test, verdict, what the message says) "
      "|\n|---|---|---|---|\n";
  for (const auto* spec : rows) {
    std::string claims;
    for (const auto& claim : spec->claims) {
      claims += (claims.empty() ? "" : "<br>") + std::string("`") + claim.pattern() + "` " +
                std::string(reports::label(claim.verdict)) + " \"" + cell_text(claim.message_pattern) + "\"";
    }
    table += "| " + (spec->field_report.empty() ? std::string("—") : spec->field_report) + " | `" +
             spec->name + "` | " + cell_text(spec->description) + " | " + claims + " |\n";
  }
  return table;
}

}  // namespace dextqual::runner
