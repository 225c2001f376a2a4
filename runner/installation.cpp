#include "runner/installation.h"

#include <cstdlib>

namespace dextqual::runner {
namespace {

std::filesystem::path from_env(const char* name, const std::filesystem::path& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::filesystem::path(value) : fallback;
}

}  // namespace

Installation installation_from(const Layout& layout) {
  Installation installation;
  installation.kind = layout.kind;
  installation.root = layout.root;
  installation.fixtures_dir = std::filesystem::absolute(fixtures_dir_of(layout));
  installation.suites_dir = std::filesystem::absolute(from_env("DEXTQUAL_SUITES_DIR", layout.suites_dir));
  installation.simdext_binary = std::filesystem::absolute(from_env("SIMDEXT", layout.simdext_binary));
  installation.with_simdext_script = layout.with_simdext_script;
  return installation;
}

Installation find_installation() { return installation_from(own_layout()); }

}  // namespace dextqual::runner
