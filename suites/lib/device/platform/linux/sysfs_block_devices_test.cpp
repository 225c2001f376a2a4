// The Linux listing against fake sysfs and proc trees under a temporary directory: the layout the
// kernel gives (class/block/<name> symlinks into devices/, partitions as subdirectories of their
// disk, SCSI attributes under device/).
#include "device/platform/linux/sysfs_block_devices.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "contract/run_contract.h"
#include "device/find_again.h"

namespace dextqual::device {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class FakeSysfs : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dq-sysfs-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(sys() / "class" / "block");
    fs::create_directories(proc() / "self");
    write(proc() / "self" / "mountinfo", "");
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path sys() const { return root_ / "sys"; }
  fs::path proc() const { return root_ / "proc"; }

  static void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  // A SCSI disk as sd registers it: devices/.../block/<name>, linked from class/block/<name>.
  fs::path add_disk(const std::string& name, const std::string& dev, const std::string& vpd80,
                    const std::string& wwid) {
    const auto dir = sys() / "devices" / "pci0000:00" / "host2" / "target2:0:0" / "2:0:0:0" / "block" / name;
    write(dir / "dev", dev + "\n");
    write(dir / "size", "2097152\n");
    write(dir / "queue" / "logical_block_size", "4096\n");
    write(dir / "device" / "vendor", "SEAGATE \n");
    write(dir / "device" / "model", "ST4000NM0023    \n");
    write(dir / "device" / "rev", "0004\n");
    fs::create_directories(dir / "device" / "scsi_device" / "2:0:0:0");
    if (!vpd80.empty())
      write(dir / "device" / "vpd_pg80", std::string("\0\x80\0", 3) + char(vpd80.size()) + vpd80);
    if (!wwid.empty()) write(dir / "device" / "wwid", wwid + "\n");
    fs::create_directories(dir / "holders");
    fs::create_symlink(fs::relative(dir, sys() / "class" / "block"), sys() / "class" / "block" / name);
    return dir;
  }

  void add_partition(const fs::path& disk_dir, const std::string& name, const std::string& dev) {
    const auto dir = disk_dir / name;
    write(dir / "partition", "1\n");
    write(dir / "start", "2048\n");
    write(dir / "dev", dev + "\n");
    write(dir / "size", "2048\n");
    fs::create_symlink(fs::relative(dir, sys() / "class" / "block"), sys() / "class" / "block" / name);
  }

  const BlockDevice& named(const std::vector<BlockDevice>& devices, const std::string& name) {
    const auto it = std::ranges::find(devices, name, &BlockDevice::name);
    if (it == devices.end()) throw std::runtime_error("no " + name + " listed");
    return *it;
  }

  fs::path root_;
};

TEST_F(FakeSysfs, ListsDisksAndPartitionsWithTheIdentityFromVpdPagesAndWwid) {
  const auto sdb = add_disk("sdb", "8:16", "  ZC1A2B3C    ", "naa.5000C5001234ABCD");
  add_partition(sdb, "sdb1", "8:17");
  auto devices = linux_sysfs::list_block_devices(sys());
  ASSERT_TRUE(devices) << devices.error().message();
  ASSERT_EQ(devices->size(), 2u);
  const auto& disk = named(*devices, "sdb");
  EXPECT_FALSE(disk.is_partition);
  EXPECT_EQ(disk.node, "/dev/sdb");
  EXPECT_EQ(disk.identity.vendor, "SEAGATE");
  EXPECT_EQ(disk.identity.product, "ST4000NM0023");
  EXPECT_EQ(disk.identity.serial, "ZC1A2B3C");
  EXPECT_EQ(disk.identity.wwn, "5000c5001234abcd");  // one spelling, whatever sysfs prints
  EXPECT_EQ(disk.identity_source, "sysfs");
  EXPECT_TRUE(disk.scsi);
  EXPECT_EQ(disk.size_bytes, 2097152ull * 512);
  EXPECT_EQ(disk.logical_block_size, 4096u);
  const auto& part = named(*devices, "sdb1");
  EXPECT_TRUE(part.is_partition);
  EXPECT_EQ(part.disk, "sdb");
  EXPECT_EQ(part.partition_number, 1u);
  EXPECT_EQ(part.start_bytes, 2048u * 512);
  EXPECT_EQ(part.logical_block_size, 4096u);  // the disk's
}

TEST_F(FakeSysfs, APlainLoopDeviceIsIdentifiedByItsBackingFile) {
  const auto dir = sys() / "devices" / "virtual" / "block" / "loop7";
  write(dir / "dev", "7:7\n");
  write(dir / "size", "8\n");
  write(dir / "loop" / "backing_file", (root_ / "images" / "disk.img").string() + "\n");
  fs::create_symlink(fs::relative(dir, sys() / "class" / "block"), sys() / "class" / "block" / "loop7");
  auto devices = linux_sysfs::list_block_devices(sys());
  ASSERT_TRUE(devices) << devices.error().message();
  const auto& loop = named(*devices, "loop7");
  EXPECT_EQ(loop.identity_source, "loop backing file");
  EXPECT_EQ(loop.backing_file, (root_ / "images" / "disk.img").string());
  EXPECT_EQ(loop.identity.serial, contract::loop_device_serial((root_ / "images" / "disk.img").string()));
}

TEST_F(FakeSysfs, MountsAndSystemDisksComeFromMountinfoByDeviceNumber) {
  add_partition(add_disk("sda", "8:0", "SYS", ""), "sda1", "8:1");
  add_partition(add_disk("sdb", "8:16", "DUT", ""), "sdb1", "8:17");
  write(proc() / "self" / "mountinfo",
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 8:17 / /mnt/the\\040dut rw,relatime shared:2 - ext4 /dev/sdb1 rw\n"
        "41 22 0:5 / /dev rw shared:3 - devtmpfs udev rw\n");
  auto mounts = linux_sysfs::list_mounts(sys(), proc());
  ASSERT_TRUE(mounts) << mounts.error().message();
  ASSERT_EQ(mounts->size(), 2u);
  EXPECT_EQ((*mounts)[1].device_name, "sdb1");
  EXPECT_EQ((*mounts)[1].mount_point, "/mnt/the dut");  // the kernel's \040 undone
  auto devices = linux_sysfs::list_block_devices(sys());
  ASSERT_TRUE(devices);
  EXPECT_EQ(system_disks_among(*devices, *mounts), std::vector<std::string>{"sda"});
}

// Issue 12 §1: the gate recorded a WWN-only DUT with the "naa." prefix stripped, the re-find after an
// eject compared it with sysfs' raw wwid ("naa.…") and never found the DUT again.
TEST_F(FakeSysfs, ADutKnownOnlyByWwnIsFoundAgainUnderANewNameWhateverSysfsSpellsIt) {
  DutIdentity recorded;
  recorded.wwn = "5000c5001234abcd";  // as the gate put it into dut.json
  add_disk("sdb", "8:16", "", "naa.5000C5001234ABCD");
  const auto find_in_fake_sysfs = [&] {
    FindOptions options;
    options.budget = 0ms;
    options.list = [this] { return linux_sysfs::list_block_devices(sys()); };
    options.usable = [](const BlockDevice&) { return true; };
    return find_again(recorded, options);
  };
  auto found = find_in_fake_sysfs();
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->node, "/dev/sdb");

  // Ejected, and back as sdc; a station file may also spell the WWN as udev does.
  fs::remove(sys() / "class" / "block" / "sdb");
  add_disk("sdc", "8:32", "", "naa.5000c5001234abcd");
  recorded.wwn = "wwn-0x5000C5001234ABCD";
  found = find_in_fake_sysfs();
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->node, "/dev/sdc");
}

}  // namespace
}  // namespace dextqual::device
