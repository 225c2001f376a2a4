// Linux implementation of DiskLifecycle: sgdisk writes the GPT, BLKRRPART (or partx, which adds and
// removes partitions one by one with BLKPG when the whole-disk re-read is refused or ignored) makes
// the kernel see it, mkfs.* formats, mount(2)/umount2(2) mount. Loop devices need no udev: the kernel's
// devtmpfs creates the partition nodes, which we wait for.
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <thread>

#include "core/unique_fd.h"
#include "device/block_devices.h"
#include "lifecycle/lifecycle_disk.h"

namespace dextqual::platform {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string base_name(const std::string& node) { return fs::path(node).filename().string(); }

bool listed_in_proc_filesystems(const std::string& name) {
  std::ifstream in("/proc/filesystems");
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos && line.substr(tab + 1) == name) {
      return true;
    }
  }
  return false;
}

// Whether mount(2) of `name` would find a driver. /proc/filesystems lists only drivers already
// loaded, while mount(2) asks the kernel to load a module ("fs-<name>") first, so a driver that is
// merely not loaded yet is checked the way mount would: mount(2) of a source that does not exist
// loads the module, then fails on the source (ENOENT/ENOTBLK), or fails with ENODEV when the kernel
// has no such driver and cannot load one. Without the privilege to mount (EPERM), the listing decides.
std::optional<std::string> why_kernel_cannot_mount(const std::string& name) {
  if (listed_in_proc_filesystems(name)) {
    return std::nullopt;
  }
  std::error_code ignored;
  const fs::path dir =
      fs::temp_directory_path(ignored) / ("dextqual-mount-probe-" + std::to_string(::getpid()));
  fs::create_directories(dir, ignored);
  const int rc = ::mount("/nonexistent-dextqual-mount-probe", dir.c_str(), name.c_str(), MS_RDONLY, nullptr);
  const int err = rc == 0 ? 0 : errno;
  if (rc == 0) {
    ::umount2(dir.c_str(), MNT_DETACH);  // cannot happen for a block filesystem; never leave it mounted
  }
  fs::remove(dir, ignored);
  if (err == ENODEV) {
    return "the running kernel has no " + name + " driver: mount(2) answers ENODEV (" +
           "not in /proc/filesystems, and no module it could load)";
  }
  if (err == EPERM && !listed_in_proc_filesystems(name)) {
    return "not in /proc/filesystems, and mount(2) cannot be probed without the privilege to mount";
  }
  return std::nullopt;  // the driver is there now (loaded by the probe), or the source was refused
}

bool tool_exists(const std::string& tool) {
  for (const char* dir : {"/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin"}) {
    if (::access((fs::path(dir) / tool).c_str(), X_OK) == 0) {
      return true;
    }
  }
  return false;
}

std::string gpt_type_code(Filesystem filesystem) {
  switch (filesystem) {
    case Filesystem::ext4:
      return "8300";
    case Filesystem::vfat:
    case Filesystem::exfat:
      return "0700";
    case Filesystem::apfs:
      return "AF0A";
    case Filesystem::hfsplus:
      return "AF00";
  }
  return "8300";
}

// The kernel's view of `disk`'s partitions (suites/lib/device), in table order.
std::vector<Partition> sysfs_partitions(const std::string& disk) {
  std::vector<Partition> partitions;
  const auto devices = device::list_block_devices();
  if (!devices) return partitions;
  const std::string name = base_name(disk);
  for (const auto& device : *devices) {
    if (device.is_partition && device.disk == name) {
      partitions.push_back({device.partition_number, device.node, device.start_bytes, device.size_bytes});
    }
  }
  std::ranges::sort(partitions, {}, &Partition::number);
  return partitions;
}

bool nodes_exist(const std::vector<Partition>& partitions) {
  return std::ranges::all_of(partitions, [](const Partition& partition) {
    struct stat info {};
    return ::stat(partition.node.c_str(), &info) == 0 && S_ISBLK(info.st_mode);
  });
}

class LinuxDiskLifecycle final : public DiskLifecycle {
 public:
  explicit LinuxDiskLifecycle(CommandRunner runner) : runner_(std::move(runner)) {}

  std::string name() const override { return "linux: sgdisk, BLKRRPART/partx, mkfs, mount(2)"; }

  std::optional<std::string> why_cannot_format(Filesystem filesystem) const override {
    const std::string fs_name = to_string(filesystem);
    if (filesystem == Filesystem::apfs || filesystem == Filesystem::hfsplus) {
      return fs_name + " is a macOS filesystem";
    }
    for (const std::string& tool : {"mkfs." + fs_name, "fsck." + fs_name}) {
      if (!tool_exists(tool)) {
        return tool + " is not installed";
      }
    }
    return std::nullopt;
  }

  std::optional<std::string> why_unsupported(Filesystem filesystem) const override {
    const std::string fs_name = to_string(filesystem);
    if (auto reason = why_cannot_format(filesystem)) {
      return reason;
    }
    if (auto reason = why_kernel_cannot_mount(fs_name)) {
      return reason;
    }
    return std::nullopt;
  }

  Result<Partition> erase_disk(const std::string& disk, Filesystem filesystem,
                               const std::string& label) override {
    const PartitionSpec whole{label, filesystem, 0};
    DQ_TRY(partition_gpt(disk, std::span(&whole, 1)));
    DQ_TRY_ASSIGN(auto partitions, reread_partitions(disk, 1));
    DQ_TRY(format(partitions.front(), filesystem, label));
    return partitions.front();
  }

  Status partition_gpt(const std::string& disk, std::span<const PartitionSpec> partitions) override {
    DQ_TRY(unmount_disk(disk));
    // --clear writes a fresh protective MBR and both GPT headers over whatever was there. (A separate
    // --zap-all would cost another second: sgdisk sleeps after every table it writes.)
    std::vector<std::string> argv = {"sgdisk", "--clear"};
    for (std::size_t i = 0; i < partitions.size(); ++i) {
      const std::string number = std::to_string(i + 1);
      const PartitionSpec& spec = partitions[i];
      const std::string end = spec.size_bytes == 0 ? "0" : "+" + std::to_string(spec.size_bytes / 1024) + "K";
      argv.push_back("--new=" + number + ":0:" + end);
      argv.push_back("--typecode=" + number + ":" + gpt_type_code(spec.filesystem));
      argv.push_back("--change-name=" + number + ":" + spec.name);
    }
    argv.push_back(disk);
    DQ_TRY(run_checked(runner_, {argv}));
    return {};
  }

  Result<std::vector<Partition>> reread_partitions(const std::string& disk, std::size_t expected) override {
    {
      UniqueFd fd(::open(disk.c_str(), O_RDONLY | O_CLOEXEC));
      if (!fd) {
        return fail_errno("open " + disk);
      }
      ::fsync(fd.get());
      // Refused (EBUSY) while a partition is open, and some kernels accept it for a loop device without
      // rescanning; partx below covers both.
      (void)::ioctl(fd.get(), BLKRRPART);
    }
    if (sysfs_partitions(disk).size() != expected) {
      DQ_TRY(run_checked(runner_, {{"partx", "--update", disk}}));
    }
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    std::vector<Partition> partitions = sysfs_partitions(disk);
    while ((partitions.size() != expected || !nodes_exist(partitions)) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(50ms);
      partitions = sysfs_partitions(disk);
    }
    if (partitions.size() != expected) {
      return fail("re-read partition table of " + disk,
                  "the kernel sees " + std::to_string(partitions.size()) + " partitions, the table has " +
                      std::to_string(expected));
    }
    if (!nodes_exist(partitions)) {
      return fail("re-read partition table of " + disk, "partition nodes did not appear in /dev within 5 s");
    }
    return partitions;
  }

  Status format(const Partition& partition, Filesystem filesystem, const std::string& label) override {
    std::vector<std::string> argv;
    switch (filesystem) {
      case Filesystem::ext4:
        argv = {"mkfs.ext4", "-F", "-q", "-E", "nodiscard", "-L", label, partition.node};
        break;
      case Filesystem::vfat: {
        std::string short_label = label.substr(0, 11);
        std::ranges::transform(short_label, short_label.begin(),
                               [](unsigned char c) { return std::toupper(c); });
        argv = {"mkfs.vfat", "-n", short_label, partition.node};
        break;
      }
      case Filesystem::exfat:
        argv = {"mkfs.exfat", "-L", label.substr(0, 11), partition.node};
        break;
      case Filesystem::apfs:
      case Filesystem::hfsplus:
        return fail("format " + partition.node, to_string(filesystem) + " cannot be created on Linux");
    }
    DQ_TRY(run_checked(runner_, {argv}));
    return {};
  }

  Status check(const Partition& partition, Filesystem filesystem) override {
    std::vector<std::string> argv = {"fsck." + to_string(filesystem), "-n"};
    if (filesystem == Filesystem::ext4) {
      argv.push_back("-f");  // check even though the superblock says clean
    }
    argv.push_back(partition.node);
    DQ_TRY(run_checked(runner_, {argv}));
    return {};
  }

  Result<MountedVolume> mount(const Partition& partition, Filesystem filesystem) override {
    std::string dir_template = (fs::temp_directory_path() / "dextqual-mnt.XXXXXX").string();
    if (::mkdtemp(dir_template.data()) == nullptr) {
      return fail_errno("mkdtemp " + dir_template);
    }
    const std::string type = to_string(filesystem);
    if (::mount(partition.node.c_str(), dir_template.c_str(), type.c_str(), MS_NOATIME, nullptr) != 0) {
      const int err = errno;
      ::rmdir(dir_template.c_str());
      return fail_errno("mount -t " + type + " " + partition.node + " " + dir_template, err);
    }
    return MountedVolume(this, partition.node, dir_template, /*remove_dir=*/true);
  }

  Status unmount(const fs::path& mount_point) override {
    // A reader that has only just closed its files can keep the volume busy for a moment.
    for (int attempt = 0;; ++attempt) {
      if (::umount2(mount_point.c_str(), 0) == 0) {
        return {};
      }
      if (errno == EINVAL) {  // not a mount point (any more): someone unmounted the disk's volumes already
        return {};
      }
      if (errno != EBUSY || attempt == 20) {
        return fail_errno("umount " + mount_point.string());
      }
      std::this_thread::sleep_for(100ms);
    }
  }

  Status unmount_disk(const std::string& disk) override {
    const std::string name = base_name(disk);
    DQ_TRY_ASSIGN(const auto devices, device::list_block_devices());
    DQ_TRY_ASSIGN(const auto mounts, device::list_mounts());
    std::vector<std::string> mount_points;
    for (const auto& mount : mounts) {
      const auto source = std::ranges::find(devices, mount.device_name, &device::BlockDevice::name);
      if (source != devices.end() && source->disk == name && mount.mount_point != "[swap]") {
        mount_points.push_back(mount.mount_point);
      }
    }
    // Innermost first, in case one volume of the DUT is mounted inside another.
    std::ranges::reverse(mount_points);
    for (const std::string& mount_point : mount_points) {
      DQ_TRY(unmount(mount_point));
    }
    return {};
  }

  Status drop_caches(const std::string& node) override {
    UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
      return fail_errno("open " + node);
    }
    if (::fsync(fd.get()) != 0) {
      return fail_errno("fsync " + node);
    }
    if (::ioctl(fd.get(), BLKFLSBUF) != 0) {
      return fail_errno("ioctl BLKFLSBUF " + node);
    }
    // Best effort beyond the device's own buffers: a container may not be allowed to write this.
    std::ofstream drop("/proc/sys/vm/drop_caches");
    drop << "3\n";
    return {};
  }

 private:
  CommandRunner runner_;
};

}  // namespace

std::unique_ptr<DiskLifecycle> make_disk_lifecycle(CommandRunner runner) {
  return std::make_unique<LinuxDiskLifecycle>(std::move(runner));
}

}  // namespace dextqual::platform
