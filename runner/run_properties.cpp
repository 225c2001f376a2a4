#include "runner/run_properties.h"

#include <cctype>
#include <cstdlib>

#include "station/station_file.h"

namespace dextqual::runner {
namespace {

std::string value_of(const EnvironmentLookup& environment, const char* name) {
  return environment(name).value_or("");
}

void set_if(PropertyMap& properties, const std::string& key, const std::string& value) {
  if (!value.empty()) properties[key] = value;
}

// Keys dextqual writes itself; a --property of the same name would make a report lie about its run.
bool reserved(std::string_view key) {
  for (const auto name : station::kReservedProperties)
    if (key == name) return true;
  for (const std::string_view prefix : {"os.", "kernel.", "driver.", "ci."})
    if (key.starts_with(prefix)) return true;
  return key == "arch";
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

PropertyMap ci_properties(const EnvironmentLookup& environment) {
  PropertyMap properties;
  // Each system's documented predefined variables; GITLAB_CI, GITHUB_ACTIONS and JENKINS_URL say which.
  if (!value_of(environment, "GITLAB_CI").empty()) {
    properties["ci.system"] = "gitlab";
    set_if(properties, "ci.job_id", value_of(environment, "CI_JOB_ID"));
    set_if(properties, "ci.job_url", value_of(environment, "CI_JOB_URL"));
    set_if(properties, "ci.job_name", value_of(environment, "CI_JOB_NAME"));
    set_if(properties, "ci.pipeline_id", value_of(environment, "CI_PIPELINE_ID"));
    set_if(properties, "ci.commit", value_of(environment, "CI_COMMIT_SHA"));
    set_if(properties, "ci.runner", value_of(environment, "CI_RUNNER_DESCRIPTION"));
  } else if (value_of(environment, "GITHUB_ACTIONS") == "true") {
    properties["ci.system"] = "github";
    const auto run_id = value_of(environment, "GITHUB_RUN_ID");
    set_if(properties, "ci.job_id", run_id);
    set_if(properties, "ci.job_name", value_of(environment, "GITHUB_JOB"));
    set_if(properties, "ci.commit", value_of(environment, "GITHUB_SHA"));
    set_if(properties, "ci.runner", value_of(environment, "RUNNER_NAME"));
    const auto server = value_of(environment, "GITHUB_SERVER_URL");
    const auto repository = value_of(environment, "GITHUB_REPOSITORY");
    if (!server.empty() && !repository.empty() && !run_id.empty()) {
      properties["ci.job_url"] = server + "/" + repository + "/actions/runs/" + run_id;
    }
  } else if (!value_of(environment, "JENKINS_URL").empty()) {
    properties["ci.system"] = "jenkins";
    set_if(properties, "ci.job_id", value_of(environment, "BUILD_NUMBER"));
    set_if(properties, "ci.job_url", value_of(environment, "BUILD_URL"));
    set_if(properties, "ci.job_name", value_of(environment, "JOB_NAME"));
    set_if(properties, "ci.commit", value_of(environment, "GIT_COMMIT"));
    set_if(properties, "ci.runner", value_of(environment, "NODE_NAME"));
  }
  return properties;
}

Result<std::pair<std::string, std::string>> parse_property_assignment(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    return fail("--property " + std::string(text), "expected key=value");
  }
  const std::string key(text.substr(0, equals));
  for (const char c : key) {
    const bool allowed = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    if (!allowed) return fail("--property " + key, "a key is letters, digits, '.', '_' and '-'");
  }
  if (reserved(key)) return fail("--property " + key, "dextqual sets this property itself");
  return std::pair{key, std::string(text.substr(equals + 1))};
}

Result<PropertyMap> gather_run_properties(const std::string& block_node,
                                          const std::vector<std::string>& assignments,
                                          const EnvironmentLookup& environment) {
  auto properties = host_os_properties();
  if (!block_node.empty()) properties.merge(driver_properties(block_node));
  properties.merge(ci_properties(environment));
  for (const auto& assignment : assignments) {
    auto parsed = parse_property_assignment(assignment);
    if (!parsed) return std::unexpected(parsed.error());
    properties[parsed->first] = parsed->second;
  }
  return properties;
}

}  // namespace dextqual::runner
