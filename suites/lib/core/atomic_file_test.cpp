// Atomic replacement leaves the new content and no temporary file; failures are errors, not crashes.
#include "core/atomic_file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dextqual {
namespace {

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporary) {
  const auto dir = std::filesystem::temp_directory_path() / ("dextqual-atomic-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "report.xml";
  ASSERT_TRUE(write_file_atomically(path, "first"));
  ASSERT_TRUE(write_file_atomically(path, "second"));
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "second");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
  std::filesystem::remove_all(dir);
}

TEST(AtomicFile, ModeIsAppliedExactlyWhateverTheUmask) {
  const auto dir = std::filesystem::temp_directory_path() / ("dextqual-mode-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "run.key";
  const mode_t old_umask = ::umask(0);
  ASSERT_TRUE(write_file_atomically(path, "secret", 0600));
  ::umask(old_umask);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  std::filesystem::remove_all(dir);
}

TEST(AtomicFile, MissingDirectoryIsAnError) {
  auto status = write_file_atomically("/nonexistent-dextqual-dir/report.xml", "x");
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message().find("nonexistent-dextqual-dir"), std::string::npos);
}

}  // namespace
}  // namespace dextqual
