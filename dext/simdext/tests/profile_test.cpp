// Profiles: sizes with units, strict keys, [selftest] ignored, and every shipped profile loads.
#include "profile.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace simdext {
namespace {

TEST(Profile, SizesTakeBinaryUnits) {
  EXPECT_EQ(parse_size("64KiB").value(), 64u << 10);
  EXPECT_EQ(parse_size("1GiB").value(), 1ull << 30);
  EXPECT_EQ(parse_size("512").value(), 512u);
  EXPECT_FALSE(parse_size("12 parsecs"));
}

TEST(Profile, UnknownKeyIsAnErrorNamingIt) {
  auto p = parse_profile("[[target]]\nid = 0\n[[target.lun]]\ncapacity = 1048576\ncapasity = 1\n", "x.toml");
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().find("capasity"), std::string::npos);
}

TEST(Profile, SelftestTableIsIgnoredAndDutMustExist) {
  auto p = parse_profile(
      "[[target]]\nid = 2\n[[target.lun]]\ncapacity = \"1MiB\"\n[dut]\ntarget = 2\n"
      "[selftest]\ndetected_by = [\"scsi:*\"]\n",
      "x.toml");
  ASSERT_TRUE(p) << p.error();
  EXPECT_EQ(p->dut_target, 2u);
  EXPECT_FALSE(parse_profile("[[target]]\nid = 2\n[[target.lun]]\ncapacity = \"1MiB\"\n", "x.toml"));
}

TEST(Profile, UnknownActionIsAnError) {
  auto p = parse_profile(
      "[[target]]\nid = 0\n[[target.lun]]\ncapacity = \"1MiB\"\n[[rule]]\naction = \"explode\"\n", "x.toml");
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().find("explode"), std::string::npos);
}

TEST(Profile, EveryShippedProfileLoads) {
  const std::filesystem::path faults = std::filesystem::path(SIMDEXT_FAULTS_DIR);
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(faults)) {
    if (entry.path().extension() != ".toml") {
      continue;
    }
    auto p = load_profile(entry.path().string());
    EXPECT_TRUE(p) << entry.path() << ": " << (p ? "" : p.error());
    ++count;
  }
  EXPECT_GE(count, 9);
}

}  // namespace
}  // namespace simdext
