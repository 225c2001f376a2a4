#include "reports/verdict.h"

#include <array>
#include <utility>

namespace dextqual::reports {
namespace {

constexpr std::array<std::pair<Verdict, std::string_view>, 10> kLabels = {{
    {Verdict::pass, "PASS"},
    {Verdict::warn, "WARN"},
    {Verdict::fail, "FAIL"},
    {Verdict::skipped, "SKIPPED"},
    {Verdict::xfail, "XFAIL"},
    {Verdict::xpass, "XPASS"},
    {Verdict::timeout, "TIMEOUT"},
    {Verdict::unresolved, "UNRESOLVED"},
    {Verdict::device_lost, "DEVICE-LOST"},
    {Verdict::error, "ERROR"},
}};

}  // namespace

std::string_view label(Verdict verdict) {
  for (const auto& [value, text] : kLabels) {
    if (value == verdict) return text;
  }
  return "UNRESOLVED";
}

bool is_failure(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
    case Verdict::warn:  // a *should* is advice: the run still qualifies (exit 0)
    case Verdict::skipped:
    case Verdict::xfail:
      return false;
    default:
      return true;
  }
}

std::optional<Verdict> verdict_from_label(std::string_view text) {
  for (const auto& [value, name] : kLabels) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace dextqual::reports
