// Guards manifests (issue 2 §2): keyed digests of files and extents, and an authenticated manifest that
// rejects corruption and other runs with a clear error.
#include "integrity/manifest.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/unique_fd.h"

namespace dextqual::integrity {
namespace {

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = RunIdentity::generate();
    ASSERT_TRUE(id);
    identity_.emplace(*id);
    dir_ = std::filesystem::temp_directory_path() / ("dq-manifest-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "a.bin") << std::string(100000, 'a');
    std::ofstream(dir_ / "b.bin") << "bee";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  Manifest make() const {
    Manifest manifest(*identity_);
    EXPECT_TRUE(manifest.add_file(dir_ / "a.bin", "a.bin"));
    EXPECT_TRUE(manifest.add_file(dir_ / "b.bin", "b.bin"));
    UniqueFd fd(::open((dir_ / "a.bin").c_str(), O_RDONLY));
    EXPECT_TRUE(manifest.add_extent(fd.get(), 4096, 8192, "a.bin bytes 4096..12287"));
    return manifest;
  }
  std::optional<RunIdentity> identity_;
  std::filesystem::path dir_;
};

TEST_F(ManifestTest, SavedManifestLoadsAndMatchesTheSameData) {
  const Manifest manifest = make();
  ASSERT_TRUE(manifest.save(dir_ / "manifest.json"));
  auto loaded = Manifest::load(dir_ / "manifest.json", *identity_);
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ(loaded->entries(), manifest.entries());
  EXPECT_TRUE(manifest.compare(make()).empty());
}

TEST_F(ManifestTest, ChangedDataShowsAsADifferentDigestOrSize) {
  const Manifest before = make();
  std::ofstream(dir_ / "b.bin") << "bea";  // same size, other bytes
  Manifest after(*identity_);
  ASSERT_TRUE(after.add_file(dir_ / "b.bin", "b.bin"));
  ASSERT_TRUE(after.add_file(dir_ / "b.bin", "c.bin"));
  const auto mismatches = before.compare(after);
  ASSERT_EQ(mismatches.size(), 4U);
  EXPECT_EQ(mismatches[0].name, "a.bin");
  EXPECT_EQ(mismatches[0].what, "missing");
  EXPECT_EQ(mismatches[1].what, "digest differs");
  EXPECT_EQ(mismatches[3].what, "unexpected");
}

TEST_F(ManifestTest, SameBytesUnderAnotherRunGiveOtherDigests) {
  auto other = RunIdentity::generate();
  ASSERT_TRUE(other);
  Manifest theirs(*other);
  ASSERT_TRUE(theirs.add_file(dir_ / "b.bin", "b.bin"));
  EXPECT_NE(theirs.entries()[0].digest, make().entries()[1].digest);
}

TEST_F(ManifestTest, CorruptedForeignAndMalformedManifestsAreRejected) {
  const std::string text = make().serialise();
  std::string corrupted = text;
  corrupted[corrupted.find("\"size\": 3") + 8] = '4';
  auto bad = Manifest::parse(corrupted, *identity_);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().detail.find("authentication failed"), std::string::npos);

  auto other = RunIdentity::generate();
  ASSERT_TRUE(other);
  auto foreign = Manifest::parse(text, *other);
  ASSERT_FALSE(foreign);
  EXPECT_NE(foreign.error().detail.find("foreign manifest"), std::string::npos);

  EXPECT_FALSE(Manifest::parse("{", *identity_));
  EXPECT_FALSE(Manifest::parse("[1,2]", *identity_));
  EXPECT_FALSE(Manifest::parse("", *identity_));
  EXPECT_FALSE(Manifest::load(dir_ / "absent.json", *identity_));
}

TEST_F(ManifestTest, ExtentPastTheEndIsAnError) {
  Manifest manifest(*identity_);
  UniqueFd fd(::open((dir_ / "b.bin").c_str(), O_RDONLY));
  EXPECT_FALSE(manifest.add_extent(fd.get(), 0, 4096, "too long"));
}

}  // namespace
}  // namespace dextqual::integrity
