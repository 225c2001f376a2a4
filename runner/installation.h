// Where this dextqual finds its parts: fixtures (fault profiles, fio jobs, products), suite binaries,
// simdext and the reproducer script. Found relative to dextqual's own executable (core/layout.h):
// installed, <prefix>/bin/dextqual uses <prefix>/libexec/dextqual and <prefix>/share/dextqual; in a
// build tree, build/runner/dextqual uses build/suites, build/dext/simdext and the source's fixtures.
// Environment variables override each (tests point the runner at fake suites this way):
//   DEXTQUAL_FIXTURES    fixtures directory
//   DEXTQUAL_SUITES_DIR  suite binaries directory
//   SIMDEXT              simdext binary
#pragma once

#include <filesystem>

#include "core/layout.h"

namespace dextqual::runner {

struct Installation {
  LayoutKind kind = LayoutKind::unknown;
  std::filesystem::path root;  // the install prefix or the build root
  std::filesystem::path fixtures_dir;
  std::filesystem::path suites_dir;
  std::filesystem::path simdext_binary;
  std::filesystem::path with_simdext_script;
};

// `layout` with the environment's overrides applied.
[[nodiscard]] Installation installation_from(const Layout& layout);

// This dextqual's installation: installation_from(own_layout()).
[[nodiscard]] Installation find_installation();

}  // namespace dextqual::runner
