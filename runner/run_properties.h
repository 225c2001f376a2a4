// The run properties dextqual gathers by itself (issue 14 §2), so that a JUnit file or summary.json on
// its own says where and against what it ran: the OS and kernel, the driver under test, the CI job
// that started it (GitLab, GitHub Actions, Jenkins, from their standard variables), and what the user
// adds with --property key=value. They go to RunInfo::properties, which every report renders (JUnit
// `run.<key>` properties, summary.json run.properties, the HTML header).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "runner/host_properties.h"

namespace dextqual::runner {

// The environment, as a lookup (a parameter so that a unit test can be any CI system).
using EnvironmentLookup = std::function<std::optional<std::string>(const char* name)>;
[[nodiscard]] EnvironmentLookup process_environment();

// ci.system (gitlab, github, jenkins), ci.job_id, ci.job_url, ci.job_name, ci.pipeline_id, ci.commit,
// ci.runner; nothing outside CI.
[[nodiscard]] PropertyMap ci_properties(const EnvironmentLookup& environment);

// --property key=value: a key of letters, digits, '.', '_' and '-', not one dextqual sets itself.
[[nodiscard]] Result<std::pair<std::string, std::string>> parse_property_assignment(std::string_view text);

// Everything above for a run on the DUT at `block_node` (empty: no DUT), the user's last.
[[nodiscard]] Result<PropertyMap> gather_run_properties(const std::string& block_node,
                                                        const std::vector<std::string>& assignments,
                                                        const EnvironmentLookup& environment);

}  // namespace dextqual::runner
