// Atomic replacement leaves the new content and no temporary file; failures are errors, not crashes.
#include "reports/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dextqual::reports {
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

TEST(AtomicFile, MissingDirectoryIsAnError) {
  auto status = write_file_atomically("/nonexistent-dextqual-dir/report.xml", "x");
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message().find("nonexistent-dextqual-dir"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::reports
