// Guards run identity (issue 2 §2): fresh keys per run, stable subkeys, a secret that survives a reboot.
#include "integrity/run_identity.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace dextqual::integrity {
namespace {

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("dq-integrity-" + std::to_string(::getpid()) + "-" + name);
}

TEST(RunIdentity, EachRunGetsADifferentKeyAndRunId) {
  auto a = RunIdentity::generate();
  auto b = RunIdentity::generate();
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->run_id(), b->run_id());
  EXPECT_NE(a->short_key(KeyPurpose::sector_header), b->short_key(KeyPurpose::sector_header));
}

TEST(RunIdentity, SubkeysDifferByPurposeAndStream) {
  auto id = RunIdentity::generate();
  ASSERT_TRUE(id);
  EXPECT_NE(id->short_key(KeyPurpose::sector_header), id->short_key(KeyPurpose::sector_payload));
  EXPECT_NE(id->short_key(KeyPurpose::sector_header, 0), id->short_key(KeyPurpose::sector_header, 1));
  EXPECT_EQ(id->long_key(KeyPurpose::manifest), id->long_key(KeyPurpose::manifest));
  EXPECT_EQ(id->run_id_hex().size(), 16U);
}

TEST(RunIdentity, SaveAndLoadRoundTripWithMode0600) {
  auto id = RunIdentity::generate();
  ASSERT_TRUE(id);
  const auto path = temp_path("secret");
  ASSERT_TRUE(id->save(path)) << id->save(path).error().message();
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  auto loaded = RunIdentity::load(path);
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ(loaded->run_id(), id->run_id());
  EXPECT_EQ(loaded->short_key(KeyPurpose::sector_payload), id->short_key(KeyPurpose::sector_payload));
  std::filesystem::remove(path);
}

TEST(RunIdentity, LoadRejectsWorldReadableMissingAndMalformedFiles) {
  auto id = RunIdentity::generate();
  ASSERT_TRUE(id);
  const auto path = temp_path("secret-bad");
  ASSERT_TRUE(id->save(path));
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  auto readable = RunIdentity::load(path);
  ASSERT_FALSE(readable);
  EXPECT_NE(readable.error().detail.find("0600"), std::string::npos);

  std::ofstream(path, std::ios::trunc) << "dextqual-run-secret v1\nnot-hex\n";
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  EXPECT_FALSE(RunIdentity::load(path));
  std::filesystem::remove(path);
  auto missing = RunIdentity::load(path);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errno_value, ENOENT);
}

}  // namespace
}  // namespace dextqual::integrity
