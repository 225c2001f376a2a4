// Programs find their parts relative to their own executable: the installed prefix from bin/ and
// from libexec/dextqual/, the build tree through its marker, nothing when neither is there.
#include "core/layout.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace dextqual {
namespace {

namespace fs = std::filesystem;

class LayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dextqual-layout-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path make_dirs(const fs::path& relative) {
    fs::create_directories(root_ / relative);
    return root_ / relative;
  }
  fs::path root_;
};

TEST_F(LayoutTest, InstalledPrefixFromBinAndFromLibexec) {
  make_dirs("prefix/bin");
  make_dirs("prefix/libexec/dextqual");
  make_dirs("prefix/share/dextqual");
  const auto prefix = root_ / "prefix";
  for (const auto& executable : {prefix / "bin/dextqual", prefix / "libexec/dextqual/dextqual_fio_suite",
                                 prefix / "libexec/dextqual/simdext"}) {
    const auto layout = layout_of(executable);
    EXPECT_EQ(layout.kind, LayoutKind::installed) << executable;
    EXPECT_EQ(layout.root, prefix) << executable;
    EXPECT_EQ(layout.fixtures_dir, prefix / "share/dextqual");
    EXPECT_EQ(layout.suites_dir, prefix / "libexec/dextqual");
    EXPECT_EQ(layout.simdext_binary, prefix / "libexec/dextqual/simdext");
    EXPECT_EQ(layout.with_simdext_script, prefix / "libexec/dextqual/with-simdext.sh");
  }
}

TEST_F(LayoutTest, BuildTreeThroughItsMarkerFromEveryProgramsFolder) {
  const auto build = make_dirs("build");
  std::ofstream(build / "dextqual-build-tree") << "/src/dextqual\n";
  for (const auto& executable :
       {build / "runner/dextqual", build / "suites/fio/dextqual_fio_suite", build / "dext/simdext/simdext"}) {
    const auto layout = layout_of(executable);
    EXPECT_EQ(layout.kind, LayoutKind::build_tree) << executable;
    EXPECT_EQ(layout.root, build) << executable;
    EXPECT_EQ(layout.fixtures_dir, fs::path("/src/dextqual/fixtures"));
    EXPECT_EQ(layout.suites_dir, build / "suites");
    EXPECT_EQ(layout.simdext_binary, build / "dext/simdext/simdext");
    EXPECT_EQ(layout.with_simdext_script, fs::path("/src/dextqual/ci/with-simdext.sh"));
  }
}

TEST_F(LayoutTest, AHalfInstalledPrefixIsNoLayout) {
  make_dirs("prefix/bin");
  make_dirs("prefix/libexec/dextqual");  // no share/dextqual
  const auto layout = layout_of(root_ / "prefix/bin/dextqual");
  EXPECT_EQ(layout.kind, LayoutKind::unknown);
  // Still the installed names, so an error message says where dextqual looked.
  EXPECT_EQ(layout.suites_dir, root_ / "prefix/libexec/dextqual");
}

TEST(Layout, OwnExecutableIsThisTestBinary) {
  const auto self = own_executable();
  ASSERT_TRUE(self);
  EXPECT_TRUE(self->is_absolute());
  EXPECT_EQ(self->filename(), "dextqual_core_test");
}

TEST(Layout, FixturesEnvironmentVariableWins) {
  ::setenv("DEXTQUAL_FIXTURES", "/somewhere/fixtures", 1);
  EXPECT_EQ(fixtures_dir(), fs::path("/somewhere/fixtures"));
  ::unsetenv("DEXTQUAL_FIXTURES");
  // This test binary lives in the build tree: its fixtures are the source tree's.
  EXPECT_EQ(own_layout().kind, LayoutKind::build_tree);
  EXPECT_TRUE(fs::is_regular_file(fixtures_dir() / "faults" / "clean.toml")) << fixtures_dir();
}

}  // namespace
}  // namespace dextqual
