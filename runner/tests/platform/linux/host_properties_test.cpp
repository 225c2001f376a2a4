// Guards how a run names the driver under test on Linux (issue 14 §2): from the disk up through sysfs
// to the SCSI host's driver and its module version. The tree below is laid out as a Linux 6.x guest
// behind QEMU's megasas-gen2 shows it (relative links, as sysfs has them); the host's own disks and a
// loop device are read from the real /sys.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>

#include "runner/host_properties.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

class DriverProperties : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dextqual-sysfs-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    const auto hba = root_ / "sys/devices/pci0000:00/0000:00:04.0";
    const auto disk = hba / "host2/target2:2:0/2:2:0:0";
    fs::create_directories(disk / "block/sda");
    fs::create_directories(root_ / "sys/block");
    fs::create_symlink("../devices/pci0000:00/0000:00:04.0/host2/target2:2:0/2:2:0:0/block/sda",
                       root_ / "sys/block/sda");
    fs::create_symlink("../../../2:2:0:0", disk / "block/sda/device");
    fs::create_directories(root_ / "sys/bus/scsi/drivers/sd");
    fs::create_directories(root_ / "sys/bus/pci/drivers/megaraid_sas");
    fs::create_symlink("../../../../../../bus/scsi/drivers/sd", disk / "driver");
    fs::create_symlink("../../../bus/pci/drivers/megaraid_sas", hba / "driver");
    fs::create_directories(root_ / "sys/module/megaraid_sas");
    fs::create_directories(root_ / "sys/module/sd_mod");
    fs::create_symlink("../../../../module/megaraid_sas", root_ / "sys/bus/pci/drivers/megaraid_sas/module");
    fs::create_symlink("../../../../module/sd_mod", root_ / "sys/bus/scsi/drivers/sd/module");
    std::ofstream(root_ / "sys/module/megaraid_sas/version") << "07.727.03.00-rc1\n";
    std::ofstream(root_ / "sys/module/sd_mod/srcversion") << "2C3C2C9E4F0CBEBB1D6B0A1\n";
    fs::create_directories(root_ / "sys/class/scsi_host/host2");
    std::ofstream(root_ / "sys/class/scsi_host/host2/proc_name") << "megaraid_sas\n";
    fs::create_directories(root_ / "dev");
    std::ofstream(root_ / "dev/sda");
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(DriverProperties, AScsiDiskNamesItsHbaDriverModuleAndVersion) {
  const auto properties = driver_properties(root_ / "dev/sda", root_ / "sys");
  EXPECT_EQ(properties.at("driver.block"), "sd");
  EXPECT_EQ(properties.at("driver.block.module"), "sd_mod");
  EXPECT_EQ(properties.at("driver.block.version"), "srcversion 2C3C2C9E4F0CBEBB1D6B0A1");
  EXPECT_EQ(properties.at("driver.hba"), "megaraid_sas");
  EXPECT_EQ(properties.at("driver.hba.module"), "megaraid_sas");
  EXPECT_EQ(properties.at("driver.hba.version"), "07.727.03.00-rc1");
  EXPECT_EQ(properties.at("driver.hba.device"), "0000:00:04.0");
}

TEST_F(DriverProperties, AnUnknownNodeSaysNothing) {
  std::ofstream(root_ / "dev/sdz");
  EXPECT_TRUE(driver_properties(root_ / "dev/sdz", root_ / "sys").empty());
  EXPECT_TRUE(driver_properties(root_ / "dev/absent", root_ / "sys").empty());
}

// The real /sys: the disk under this host's root filesystem has a block driver (virtio_blk, sd, nvme).
TEST(DriverPropertiesOnThisHost, TheSystemDiskHasABlockDriver) {
  struct stat root {};
  ASSERT_EQ(::stat("/", &root), 0);
  const auto dev = fs::path("/sys/dev/block") /
                   (std::to_string(major(root.st_dev)) + ":" + std::to_string(minor(root.st_dev)));
  std::error_code ec;
  if (!fs::exists(dev, ec)) GTEST_SKIP() << "/ is not on a block device here (" << dev << ")";
  auto disk = fs::canonical(dev);
  if (fs::exists(disk / "partition")) disk = disk.parent_path();  // a partition: its whole disk
  const auto properties = driver_properties(fs::path("/dev") / disk.filename());
  if (!fs::exists(disk / "device")) GTEST_SKIP() << disk << " has no device behind it (a virtual disk)";
  ASSERT_TRUE(properties.contains("driver.block")) << disk;
  EXPECT_FALSE(properties.at("driver.block").empty());
}

TEST(DriverPropertiesOnThisHost, ALoopDeviceIsDrivenByLoop) {
  if (!fs::exists("/sys/block/loop0") || !fs::exists("/dev/loop0")) GTEST_SKIP() << "no loop0 on this host";
  EXPECT_EQ(driver_properties("/dev/loop0").at("driver.block"), "loop");
}

}  // namespace
}  // namespace dextqual::runner
