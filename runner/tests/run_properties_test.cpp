// Guards the run properties a report carries (issue 14 §2): each CI system's job id and URL from its
// documented variables, nothing outside CI, and --property's checks (a malformed or reserved key is
// a usage error, never a silently wrong report).
#include "runner/run_properties.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

EnvironmentLookup environment_of(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

TEST(RunProperties, GitLabJobIdAndUrl) {
  const auto properties =
      ci_properties(environment_of({{"GITLAB_CI", "true"},
                                    {"CI_JOB_ID", "8812"},
                                    {"CI_JOB_URL", "https://gitlab.example/lab/-/jobs/8812"},
                                    {"CI_COMMIT_SHA", "0a1b2c"},
                                    {"CI_RUNNER_DESCRIPTION", "lab-mac-07"}}));
  EXPECT_EQ(properties.at("ci.system"), "gitlab");
  EXPECT_EQ(properties.at("ci.job_id"), "8812");
  EXPECT_EQ(properties.at("ci.job_url"), "https://gitlab.example/lab/-/jobs/8812");
  EXPECT_EQ(properties.at("ci.commit"), "0a1b2c");
  EXPECT_EQ(properties.at("ci.runner"), "lab-mac-07");
}

TEST(RunProperties, GitHubJobUrlIsBuiltFromServerRepositoryAndRunId) {
  const auto properties = ci_properties(environment_of({{"GITHUB_ACTIONS", "true"},
                                                        {"GITHUB_SERVER_URL", "https://github.com"},
                                                        {"GITHUB_REPOSITORY", "acme/raid-dext"},
                                                        {"GITHUB_RUN_ID", "5512"},
                                                        {"GITHUB_JOB", "qualify"}}));
  EXPECT_EQ(properties.at("ci.system"), "github");
  EXPECT_EQ(properties.at("ci.job_url"), "https://github.com/acme/raid-dext/actions/runs/5512");
  EXPECT_EQ(properties.at("ci.job_name"), "qualify");
}

TEST(RunProperties, JenkinsBuildNumberAndUrl) {
  const auto properties = ci_properties(environment_of({{"JENKINS_URL", "https://ci.example/"},
                                                        {"BUILD_NUMBER", "41"},
                                                        {"BUILD_URL", "https://ci.example/job/q/41/"},
                                                        {"NODE_NAME", "mac-07"}}));
  EXPECT_EQ(properties.at("ci.system"), "jenkins");
  EXPECT_EQ(properties.at("ci.job_id"), "41");
  EXPECT_EQ(properties.at("ci.job_url"), "https://ci.example/job/q/41/");
  EXPECT_EQ(properties.at("ci.runner"), "mac-07");
}

TEST(RunProperties, NothingOutsideCi) { EXPECT_TRUE(ci_properties(environment_of({})).empty()); }

TEST(RunProperties, PropertyAssignmentSplitsAtTheFirstEquals) {
  const auto parsed = parse_property_assignment("driver.build=7.2.0-rc1=final");
  ASSERT_FALSE(parsed.has_value()) << "driver.* is dextqual's";
  const auto own = parse_property_assignment("dext.build=7.2.0=rc1");
  ASSERT_TRUE(own.has_value()) << own.error().message();
  EXPECT_EQ(own->first, "dext.build");
  EXPECT_EQ(own->second, "7.2.0=rc1");
}

TEST(RunProperties, MalformedAndReservedKeysAreRefused) {
  for (const char* bad :
       {"novalue", "=x", "has space=1", "mode=full", "station=x", "os.name=Linux", "ci.job_id=1"}) {
    EXPECT_FALSE(parse_property_assignment(bad).has_value()) << bad;
  }
  EXPECT_FALSE(parse_property_assignment("arch=arm64").has_value());
  EXPECT_TRUE(parse_property_assignment("architecture=raid5").has_value())
      << "only arch itself is dextqual's";
  EXPECT_TRUE(parse_property_assignment("firmware=4.680.00-8527").has_value());
  EXPECT_TRUE(parse_property_assignment("empty=").has_value());
  // The DEXT's version and state come from systemextensionsctl (dext_check.h), not from a flag.
  for (const char* own : {"dext.version=9.9", "dext.bundle_id=x", "dext.state=activated enabled"}) {
    EXPECT_FALSE(parse_property_assignment(own).has_value()) << own;
  }
}

TEST(RunProperties, GatherNamesTheKernelAndTheUsersProperties) {
  const auto properties = gather_run_properties("", {"controller=9560-16i"}, environment_of({}));
  ASSERT_TRUE(properties.has_value()) << properties.error().message();
  EXPECT_FALSE(properties->at("kernel.release").empty());
  EXPECT_EQ(properties->at("controller"), "9560-16i");
  EXPECT_FALSE(gather_run_properties("", {"mode=x"}, environment_of({})).has_value());
}

}  // namespace
}  // namespace dextqual::runner
