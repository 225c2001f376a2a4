#include "core/layout.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace dextqual {
namespace {

namespace fs = std::filesystem;

// Relative to the prefix; the same values the install rules use (CMake passes both, see
// suites/lib/CMakeLists.txt), so a packager's choice of directories cannot split them.
const fs::path kLibexecDir = DEXTQUAL_INSTALL_LIBEXEC_DIR;
const fs::path kDataDir = DEXTQUAL_INSTALL_DATA_DIR;
constexpr const char* kBuildTreeMarker = "dextqual-build-tree";

bool is_dir(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

Layout installed_layout(const fs::path& prefix) {
  Layout layout;
  layout.kind = LayoutKind::installed;
  layout.root = prefix;
  layout.fixtures_dir = prefix / kDataDir;
  layout.suites_dir = prefix / kLibexecDir;
  layout.simdext_binary = layout.suites_dir / "simdext";
  layout.with_simdext_script = layout.suites_dir / "with-simdext.sh";
  return layout;
}

// The marker's first line is the source tree this build was configured from.
std::optional<Layout> build_tree_layout(const fs::path& build_root) {
  std::ifstream marker(build_root / kBuildTreeMarker);
  std::string source;
  if (!marker || !std::getline(marker, source) || source.empty()) return std::nullopt;
  Layout layout;
  layout.kind = LayoutKind::build_tree;
  layout.root = build_root;
  layout.fixtures_dir = fs::path(source) / "fixtures";
  layout.suites_dir = build_root / "suites";
  layout.simdext_binary = build_root / "dext" / "simdext" / "simdext";
  layout.with_simdext_script = fs::path(source) / "ci" / "with-simdext.sh";
  return layout;
}

}  // namespace

Layout layout_of(const fs::path& executable) {
  auto dir = executable.parent_path();
  for (int level = 0; level < 3 && dir.has_relative_path(); ++level) {
    dir = dir.parent_path();
    if (auto build = build_tree_layout(dir)) return *build;
    if (is_dir(dir / kLibexecDir) && is_dir(dir / kDataDir)) return installed_layout(dir);
  }
  auto unknown = installed_layout(executable.parent_path().parent_path());
  unknown.kind = LayoutKind::unknown;
  return unknown;
}

Layout own_layout() {
  const auto executable = own_executable();
  return layout_of(executable ? *executable : fs::path("/nonexistent/bin/dextqual"));
}

fs::path fixtures_dir_of(const Layout& layout) {
  if (const char* env = std::getenv(kFixturesEnv); env != nullptr && *env != '\0') return env;
  return layout.fixtures_dir;
}

fs::path fixtures_dir() { return fixtures_dir_of(own_layout()); }

const char* to_string(LayoutKind kind) {
  switch (kind) {
    case LayoutKind::installed:
      return "installed";
    case LayoutKind::build_tree:
      return "build tree";
    case LayoutKind::unknown:
      break;
  }
  return "unknown";
}

}  // namespace dextqual
