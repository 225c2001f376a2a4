// Guards the sysfs queue-limit reader on a fabricated queue directory, and on a real loop device's
// queue when one exists (the reader must understand what this kernel prints).
#include "limits/platform/linux/limits_sysfs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace dextqual::limits {
namespace {

namespace fs = std::filesystem;

class TempQueue {
 public:
  TempQueue() {
    char tmpl[] = "/tmp/dextqual-queue.XXXXXX";
    root_ = ::mkdtemp(tmpl);
    fs::create_directories(dir());
  }
  ~TempQueue() { fs::remove_all(root_); }
  TempQueue(const TempQueue&) = delete;
  TempQueue& operator=(const TempQueue&) = delete;
  [[nodiscard]] fs::path dir() const { return root_ / "sdz" / "queue"; }
  void write(const char* name, const char* text) const { std::ofstream(dir() / name) << text << "\n"; }

 private:
  fs::path root_;
};

TEST(QueueLimitsFromSysfs, ReadsSizesInBytesAndLeavesMissingFilesAbsent) {
  TempQueue queue;
  queue.write("max_hw_sectors_kb", "1280");
  queue.write("max_sectors_kb", "512");
  queue.write("max_segments", "128");
  queue.write("logical_block_size", "4096");
  queue.write("write_cache", "write through");
  auto limits = read_queue_limits(queue.dir());
  ASSERT_TRUE(limits) << limits.error().message();
  EXPECT_EQ(limits->device, "sdz");
  EXPECT_EQ(limits->max_hw_bytes, 1280u * 1024);
  EXPECT_EQ(limits->max_bytes, 512u * 1024);
  EXPECT_EQ(limits->logical_block_size, 4096u);
  EXPECT_FALSE(limits->max_segment_size);
  EXPECT_EQ(limits->write_cache, "write through");
}

TEST(QueueLimitsFromSysfs, GarbageIsAnErrorNamingTheFile) {
  TempQueue queue;
  queue.write("max_sectors_kb", "lots");
  auto limits = read_queue_limits(queue.dir());
  ASSERT_FALSE(limits);
  EXPECT_NE(limits.error().message().find("max_sectors_kb"), std::string::npos);
}

TEST(QueueLimitsFromSysfs, NonBlockNodeIsAnError) { EXPECT_FALSE(queue_dir_for_node("/dev/null")); }

}  // namespace
}  // namespace dextqual::limits
