// Where a dextqual program finds its parts, relative to its own executable (no source or build path
// is compiled into any program). Two layouts:
//   installed   <prefix>/bin/dextqual, <prefix>/libexec/dextqual/ (suites, simdext, helpers),
//               <prefix>/share/dextqual/ (fault profiles, fio jobs, products)
//   build tree  <build>/runner/dextqual, <build>/suites/<s>/, <build>/dext/simdext/simdext; the build
//               root holds the marker file `dextqual-build-tree` (written by CMake, never installed)
//               naming the source tree, whose fixtures/ and ci/ the build uses in place.
// The prefix or build root is the nearest of the executable's three closest ancestor directories
// that looks like one, so bin/, libexec/dextqual/ and build/dext/simdext/ programs all find it.
#pragma once

#include <filesystem>
#include <optional>

namespace dextqual {

enum class LayoutKind { installed, build_tree, unknown };

struct Layout {
  LayoutKind kind = LayoutKind::unknown;
  std::filesystem::path root;          // the install prefix or the build root
  std::filesystem::path fixtures_dir;  // faults/, fio/, products/
  std::filesystem::path suites_dir;    // dextqual_<name>_suite binaries (directly or one level down)
  std::filesystem::path simdext_binary;
  std::filesystem::path with_simdext_script;  // ci/with-simdext.sh, for reproducer lines
};

// The running program's own executable, symlinks resolved (per-OS: platform/<os>/own_executable.cpp).
[[nodiscard]] std::optional<std::filesystem::path> own_executable();

// The layout an executable at `executable` belongs to; kind unknown (and installed-style paths next to
// it) when none is found, so error messages still name where dextqual looked.
[[nodiscard]] Layout layout_of(const std::filesystem::path& executable);

// The running program's layout.
[[nodiscard]] Layout own_layout();

// Names the fixtures directory over any layout's; the runner passes its own to every suite in it.
inline constexpr const char* kFixturesEnv = "DEXTQUAL_FIXTURES";

// $DEXTQUAL_FIXTURES, else the fixtures directory of `layout`.
[[nodiscard]] std::filesystem::path fixtures_dir_of(const Layout& layout);

// The fixtures directory for this program: fixtures_dir_of(own_layout()).
[[nodiscard]] std::filesystem::path fixtures_dir();

[[nodiscard]] const char* to_string(LayoutKind kind);

}  // namespace dextqual
