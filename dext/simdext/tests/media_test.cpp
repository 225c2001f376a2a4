// Media beyond one file's size limit (issue 13 §2; the field's volumes are 66 TB): chunk files,
// I/O across their boundaries, and a 64 TiB LU on a filesystem whose files stop at 16 TiB (ext4).
#include "media.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace simdext {
namespace {

class MediaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/simdext-media.XXXXXX";
    dir_ = ::mkdtemp(pattern);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(MediaTest, IoAcrossChunkBoundariesReadsBackAndSurvivesReopening) {
  const std::string path = dir_ + "/m.img";
  std::vector<uint8_t> data(3 * 4096);
  for (size_t i = 0; i < data.size(); ++i) {
    data[i] = static_cast<uint8_t>(i * 7 + i / 512);
  }
  {
    auto media = Media::open(path, 512, 64, 4096);  // 32 KiB in 8 chunks of 4 KiB
    ASSERT_TRUE(media) << media.error();
    ASSERT_TRUE(media->write(5, data));  // bytes 2560..14848: spans chunks 0..3
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(path + ".7"));
  EXPECT_FALSE(std::filesystem::exists(path + ".8"));
  EXPECT_EQ(std::filesystem::file_size(path + ".7"), 4096u);
  auto reopened = Media::open(path, 512, 64, 4096);
  ASSERT_TRUE(reopened) << reopened.error();
  std::vector<uint8_t> back(data.size());
  ASSERT_TRUE(reopened->read(5, back));
  EXPECT_EQ(back, data);
  std::vector<uint8_t> past(512);
  EXPECT_FALSE(reopened->read(64, past)) << "a read past the last chunk must fail, not invent data";
}

TEST_F(MediaTest, SixtyFourTebibytesFitWhereOneFileCannot) {
  const uint64_t blocks = (64ull << 40) / 4096;
  auto media = Media::open(dir_ + "/big.img", 4096, blocks);
  ASSERT_TRUE(media) << media.error();
  const std::vector<uint8_t> last(4096, 0xE7);
  ASSERT_TRUE(media->write(blocks - 1, last));
  std::vector<uint8_t> back(4096);
  ASSERT_TRUE(media->read(blocks - 1, back));
  EXPECT_EQ(back, last);
  ASSERT_TRUE(media->read(0, back));
  EXPECT_EQ(back, std::vector<uint8_t>(4096, 0));
  EXPECT_EQ(std::filesystem::file_size(dir_ + "/big.img.63"), 1ull << 40);
}

}  // namespace
}  // namespace simdext
