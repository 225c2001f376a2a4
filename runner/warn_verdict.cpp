#include "runner/warn_verdict.h"

#include <algorithm>

#include "contract/run_contract.h"

namespace dextqual::runner {

void record_printed_warnings(reports::TestResult& result, std::string_view output) {
  int n = 0;
  for (std::size_t at = 0; at < output.size();) {
    const auto end = std::min(output.find('\n', at), output.size());
    const auto line = output.substr(at, end - at);
    if (line.starts_with(contract::kWarningLine)) {
      const std::string key = std::string(contract::kWarningProperty) + std::to_string(++n);
      result.properties.try_emplace(key, line.substr(contract::kWarningLine.size()));
    } else if (line.starts_with(contract::kKernelErrorsExpectedLine)) {
      result.properties.try_emplace(contract::kKernelErrorsExpectedProperty,
                                    line.substr(contract::kKernelErrorsExpectedLine.size()));
    }
    at = end + 1;
  }
}

void apply_warnings(reports::TestResult& result) {
  if (result.verdict != reports::Verdict::pass && result.verdict != reports::Verdict::warn) return;
  const auto warnings = result.warnings();
  if (warnings.empty()) return;
  result.verdict = reports::Verdict::warn;
  result.kind = "should";
  result.message =
      warnings.front() +
      (warnings.size() > 1 ? " (and " + std::to_string(warnings.size() - 1) + " more warnings)" : "");
  result.detail.clear();
  for (const auto& warning : warnings) result.detail += "WARN: " + warning + "\n";
}

}  // namespace dextqual::runner
