#include "runner/installation.h"

#include <cstdlib>

namespace dextqual::runner {
namespace {

std::filesystem::path from_env(const char* name, std::filesystem::path fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::filesystem::path(value) : fallback;
}

}  // namespace

Installation find_installation() {
  Installation installation;
  installation.source_dir = DEXTQUAL_SOURCE_DIR;
  installation.fixtures_dir =
      std::filesystem::absolute(from_env("DEXTQUAL_FIXTURES", installation.source_dir / "fixtures"));
  installation.suites_dir = std::filesystem::absolute(
      from_env("DEXTQUAL_SUITES_DIR", std::filesystem::path(DEXTQUAL_BINARY_DIR) / "suites"));
  installation.simdext_binary =
      from_env("SIMDEXT", std::filesystem::path(DEXTQUAL_BINARY_DIR) / "dext" / "simdext" / "simdext");
  return installation;
}

}  // namespace dextqual::runner
