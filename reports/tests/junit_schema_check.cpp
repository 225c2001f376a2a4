#include "reports/tests/junit_schema_check.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>

namespace dextqual::reports::testing {

std::string junit_schema_path() { return DEXTQUAL_JUNIT_XSD; }

std::string junit_schema_problems(const std::string& path) {
  const std::string schema = junit_schema_path();
  if (!std::filesystem::exists(schema)) {
    return "junit-10.xsd not found at " + schema +
           " (vendored in reports/schemas/; configure with -DDEXTQUAL_JUNIT_XSD=PATH)";
  }
  const std::string command = "xmllint --noout --schema '" + schema + "' '" + path + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "cannot run xmllint";
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = ::pclose(pipe);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return "xmllint not installed (libxml2-utils)";
  return output.empty() ? "xmllint failed" : output;
}

}  // namespace dextqual::reports::testing
