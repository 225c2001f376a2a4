// Guards the Linux disk lifecycle on a real kernel block device (a loop device over a sparse file):
// GPT written, re-read (BLKRRPART or partx), formatted, mounted, and everything undone by RAII even when
// a test fails. Needs root and loop devices; skips with the reason otherwise.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lifecycle/lifecycle_disk.h"

namespace dextqual::platform {
namespace {

namespace fs = std::filesystem;

// A loop device over a sparse temporary file, detached and deleted with its owner.
class ScratchLoopDevice {
 public:
  ScratchLoopDevice() {
    std::string image_template = (fs::temp_directory_path() / "dextqual-life-test.XXXXXX").string();
    const int fd = ::mkstemp(image_template.data());
    if (fd < 0) {
      return;
    }
    image_ = image_template;
    const bool sized = ::ftruncate(fd, 96 << 20) == 0;
    ::close(fd);
    if (!sized) {
      return;
    }
    auto output =
        run_checked(system_command_runner(), {{"losetup", "--find", "--show", "--partscan", image_}});
    if (output) {
      node_ = output->out.substr(0, output->out.find('\n'));
    }
  }
  ScratchLoopDevice(const ScratchLoopDevice&) = delete;
  ScratchLoopDevice& operator=(const ScratchLoopDevice&) = delete;
  ~ScratchLoopDevice() {
    if (!node_.empty()) {
      (void)system_command_runner()({{"losetup", "--detach", node_}});
    }
    if (!image_.empty()) {
      ::unlink(image_.c_str());
    }
  }
  [[nodiscard]] const std::string& node() const { return node_; }

 private:
  std::string image_;
  std::string node_;
};

class LinuxDiskLifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) {
      GTEST_SKIP() << "needs root (loop devices, mount)";
    }
    if (!loop_.node().starts_with("/dev/loop")) {
      GTEST_SKIP() << "cannot set up a loop device here";
    }
  }
  ScratchLoopDevice loop_;
  std::unique_ptr<DiskLifecycle> disk_ = make_disk_lifecycle(system_command_runner());
};

TEST_F(LinuxDiskLifecycleTest, GptPartitionsAppearAfterReread) {
  const std::vector<PartitionSpec> layout = {{"alpha", Filesystem::ext4, 16 << 20},
                                             {"beta", Filesystem::vfat, 16 << 20},
                                             {"gamma", Filesystem::ext4, 0}};
  ASSERT_TRUE(disk_->partition_gpt(loop_.node(), layout).has_value());
  const auto partitions = disk_->reread_partitions(loop_.node(), layout.size());
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  ASSERT_EQ(partitions->size(), 3u);
  EXPECT_EQ((*partitions)[0].number, 1u);
  EXPECT_EQ((*partitions)[0].size_bytes, 16u << 20);
  EXPECT_GT((*partitions)[2].start_bytes, (*partitions)[1].start_bytes);

  // Fewer partitions the second time: the kernel must forget the third.
  ASSERT_TRUE(disk_->partition_gpt(loop_.node(), std::span(layout).first(1)).has_value());
  const auto fewer = disk_->reread_partitions(loop_.node(), 1);
  ASSERT_TRUE(fewer.has_value()) << fewer.error().message();
}

TEST_F(LinuxDiskLifecycleTest, MountedVolumeIsUnmountedByItsOwner) {
  const std::vector<PartitionSpec> layout = {{"data", Filesystem::ext4, 0}};
  ASSERT_TRUE(disk_->partition_gpt(loop_.node(), layout).has_value());
  const auto partitions = disk_->reread_partitions(loop_.node(), 1);
  ASSERT_TRUE(partitions.has_value()) << partitions.error().message();
  ASSERT_TRUE(disk_->format(partitions->front(), Filesystem::ext4, "data").has_value());
  fs::path mount_point;
  {
    auto volume = disk_->mount(partitions->front(), Filesystem::ext4);
    ASSERT_TRUE(volume.has_value()) << volume.error().message();
    mount_point = volume->path();
    std::ofstream(mount_point / "file") << "kept";
  }
  EXPECT_FALSE(fs::exists(mount_point)) << "mount point left behind";
  auto again = disk_->mount(partitions->front(), Filesystem::ext4);
  ASSERT_TRUE(again.has_value()) << again.error().message();
  {
    std::ifstream in(again->path() / "file");
    std::string text;
    in >> text;
    EXPECT_EQ(text, "kept");
  }
  // unmount_disk finds the volume by its partition node and takes it down.
  const auto unmounted = disk_->unmount_disk(loop_.node());
  ASSERT_TRUE(unmounted.has_value()) << unmounted.error().message();
  EXPECT_TRUE(fs::is_empty(again->path()));
}

TEST_F(LinuxDiskLifecycleTest, UnsupportedFilesystemSaysWhy) {
  const auto reason = disk_->why_unsupported(Filesystem::apfs);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("macOS"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::platform
