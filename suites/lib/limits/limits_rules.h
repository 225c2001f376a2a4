// Internal to the limits checker: each rule family appends its findings, predictions and advertised
// sizes to one Analysis. Registry rules follow MACOS.md §2 one by one; queue rules are their Linux
// equivalents (the block layer splits at max_sectors_kb as macOS's IOBreaker splits at E).
#pragma once

#include "limits/limits_checker.h"

namespace dextqual::limits::detail {

void apply_registry_rules(const LimitsReport& report, Analysis& analysis);
void apply_ioctl_rules(const LimitsReport& report, Analysis& analysis);
void apply_queue_rules(const LimitsReport& report, Analysis& analysis);

void add(Analysis& analysis, std::string rule, Severity severity, std::string message);

}  // namespace dextqual::limits::detail
