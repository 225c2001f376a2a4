// What the partition, persistence and hot-plug suites do to a whole disk through the operating
// system's own tools: write a GPT, make the kernel re-read it, format, mount and unmount, drop the
// host's caches. One interface; Linux implements it with sgdisk/partx/mkfs and mount(2)
// (linux/lifecycle_linux_disk.cpp), macOS with diskutil (diskutil_disk_lifecycle.cpp). The platform's
// factory, chosen in CMake, is make_disk_lifecycle(). Nothing here knows about simdext or hooks: what
// happens to the device itself (eject, detach, power cut) is lifecycle_device.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "lifecycle/lifecycle_command.h"

namespace dextqual::platform {

enum class Filesystem { ext4, vfat, exfat, apfs, hfsplus };

[[nodiscard]] std::string to_string(Filesystem fs);

struct PartitionSpec {
  std::string name;  // GPT partition name (and volume label when formatted)
  Filesystem filesystem = Filesystem::ext4;
  std::uint64_t size_bytes = 0;  // 0: the rest of the disk (only the last partition)
};

// A partition as the kernel sees it after a re-read.
struct Partition {
  std::uint32_t number = 0;  // 1-based, as in the table
  std::string node;          // /dev/loop3p1, /dev/disk5s2
  std::uint64_t start_bytes = 0;
  std::uint64_t size_bytes = 0;
};

class DiskLifecycle;

// A mounted volume, unmounted (and its temporary mount point removed) when it goes away, even when the
// test failed half-way. unmount() does it early and reports the outcome.
class MountedVolume {
 public:
  MountedVolume() = default;
  MountedVolume(DiskLifecycle* owner, std::string node, std::filesystem::path mount_point, bool remove_dir);
  MountedVolume(const MountedVolume&) = delete;
  MountedVolume& operator=(const MountedVolume&) = delete;
  MountedVolume(MountedVolume&& other) noexcept;
  MountedVolume& operator=(MountedVolume&& other) noexcept;
  ~MountedVolume();

  [[nodiscard]] const std::filesystem::path& path() const { return mount_point_; }
  [[nodiscard]] const std::string& node() const { return node_; }
  [[nodiscard]] bool mounted() const { return owner_ != nullptr; }

  [[nodiscard]] Status unmount();

 private:
  DiskLifecycle* owner_ = nullptr;
  std::string node_;
  std::filesystem::path mount_point_;
  bool remove_dir_ = false;
};

class DiskLifecycle {
 public:
  virtual ~DiskLifecycle() = default;

  // Which tool stack this is ("linux: sgdisk, partx, mkfs, mount(2)"), for reports.
  [[nodiscard]] virtual std::string name() const = 0;

  // nullopt when this host can create and mount `fs`; otherwise why not (e.g. the kernel has no vfat).
  [[nodiscard]] virtual std::optional<std::string> why_unsupported(Filesystem fs) const = 0;

  // nullopt when this host can create and check `fs`, even if it cannot mount it.
  [[nodiscard]] virtual std::optional<std::string> why_cannot_format(Filesystem fs) const = 0;

  // Replaces whatever is on `disk` with a GPT holding `partitions` in order. On macOS this also formats
  // them (diskutil partitionDisk does both); on Linux format() does.
  // Erases `disk` into one GPT partition holding `fs` named `label`, as `diskutil eraseDisk` does
  // (which wipes first, like partitionDisk: F3). Returns that partition.
  [[nodiscard]] virtual Result<Partition> erase_disk(const std::string& disk, Filesystem fs,
                                                     const std::string& label) = 0;

  [[nodiscard]] virtual Status partition_gpt(const std::string& disk,
                                             std::span<const PartitionSpec> partitions) = 0;

  // Makes the kernel re-read the table and returns the partitions it now knows, waiting until their
  // nodes exist. An Error when the count differs from `expected`.
  [[nodiscard]] virtual Result<std::vector<Partition>> reread_partitions(const std::string& disk,
                                                                         std::size_t expected) = 0;

  [[nodiscard]] virtual Status format(const Partition& partition, Filesystem fs,
                                      const std::string& label) = 0;

  // Checks the filesystem on `partition` without changing it (fsck -n, diskutil verifyVolume): what
  // mkfs wrote must read back consistent through the driver. The Error carries the checker's words.
  [[nodiscard]] virtual Status check(const Partition& partition, Filesystem fs) = 0;

  // Mounts `partition` on a fresh temporary directory.
  [[nodiscard]] virtual Result<MountedVolume> mount(const Partition& partition, Filesystem fs) = 0;

  // Unmounts one mount point (MountedVolume calls this).
  [[nodiscard]] virtual Status unmount(const std::filesystem::path& mount_point) = 0;

  // Unmounts every volume of `disk` (before a wipe, an eject, a re-partition).
  [[nodiscard]] virtual Status unmount_disk(const std::string& disk) = 0;

  // Pushes dirty pages of `node` to the device and drops what the host caches for it, so the next
  // read comes from the device.
  [[nodiscard]] virtual Status drop_caches(const std::string& node) = 0;
};

// The implementation for the platform this binary was built for (chosen in lifecycle.cmake).
[[nodiscard]] std::unique_ptr<DiskLifecycle> make_disk_lifecycle(CommandRunner runner);

}  // namespace dextqual::platform
