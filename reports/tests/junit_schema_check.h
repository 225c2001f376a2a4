// Test support: validates a JUnit file against junit-10.xsd with xmllint, the check CI consumers
// effectively apply. The schema is vendored in reports/schemas/; when it or xmllint
// is missing the check fails with a message saying so, never passes silently.
#pragma once

#include <string>

namespace dextqual::reports::testing {

// Empty when `path` validates; otherwise xmllint's complaint, or why it could not be run.
[[nodiscard]] std::string junit_schema_problems(const std::string& path);

[[nodiscard]] std::string junit_schema_path();

}  // namespace dextqual::reports::testing
