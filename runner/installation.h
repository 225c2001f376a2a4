// Where this dextqual finds its parts: fixtures (fault profiles, expectations), suite binaries and
// simdext. The build bakes in its own source and build trees, so `build/runner/dextqual run` works
// from any directory with nothing installed; environment variables override each (tests point the
// runner at fake suites this way).
//   DEXTQUAL_FIXTURES    fixtures directory      (default <source>/fixtures)
//   DEXTQUAL_SUITES_DIR  suite binaries directory (default <build>/suites)
//   SIMDEXT              simdext binary           (default <build>/dext/simdext/simdext)
#pragma once

#include <filesystem>

namespace dextqual::runner {

struct Installation {
  std::filesystem::path source_dir;
  std::filesystem::path fixtures_dir;
  std::filesystem::path suites_dir;
  std::filesystem::path simdext_binary;
};

[[nodiscard]] Installation find_installation();

}  // namespace dextqual::runner
