// Profiles: sizes with units, strict keys, [selftest] ignored, and every shipped profile loads.
#include "profile.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
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
      "[[selftest.claim]]\ntests = \"scsi:*\"\nmessage = \"x\"\n",
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

// A profile holds only its difference: tables merge key by key, arrays replace, [profile] is its own.
TEST(Profile, BaseIsMergedUnderTheProfile) {
  const auto dir = std::filesystem::temp_directory_path() / ("simdext-base-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::FILE* base = std::fopen((dir / "base.toml").c_str(), "w");
  std::fputs(
      "[profile]\nname = \"base\"\n[controller]\nmax_transfer_size = \"1MiB\"\ndma_alignment = 8\n"
      "[[target]]\nid = 0\n[[target.lun]]\ncapacity = \"1MiB\"\n[[target]]\nid = 1\n[[target.lun]]\n"
      "capacity = \"2MiB\"\n",
      base);
  std::fclose(base);
  auto p = parse_profile("base = \"base.toml\"\n[controller]\nmax_transfer_size = \"64KiB\"\n",
                         (dir / "derived.toml").string());
  ASSERT_TRUE(p) << p.error();
  EXPECT_EQ(p->controller.max_transfer_size, 64u << 10);
  EXPECT_EQ(p->controller.dma_alignment, 8u);
  EXPECT_EQ(p->targets.size(), 2u);
  EXPECT_EQ(p->name, "derived.toml");  // [profile] is not inherited
  p = parse_profile(
      "base = \"base.toml\"\n[[target]]\nid = 4\n[[target.lun]]\ncapacity = \"1MiB\"\n[dut]\ntarget = 4\n",
      (dir / "derived.toml").string());
  ASSERT_TRUE(p) << p.error();
  ASSERT_EQ(p->targets.size(), 1u);
  EXPECT_EQ(p->targets[0].id, 4u);
  auto missing = parse_profile("base = \"nosuch.toml\"\n", (dir / "derived.toml").string());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("nosuch.toml"), std::string::npos);
  auto cycle = parse_profile("base = \"derived.toml\"\n", (dir / "derived.toml").string());
  ASSERT_FALSE(cycle);
  EXPECT_NE(cycle.error().find("cycle"), std::string::npos);
  std::filesystem::remove_all(dir);
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
