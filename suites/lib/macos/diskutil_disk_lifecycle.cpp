#include "macos/diskutil_disk_lifecycle.h"

#include <unistd.h>

#include <cstdlib>

#include "macos/diskutil_error.h"
#include "macos/diskutil_info.h"
#include "macos/erased_volume.h"

namespace dextqual::macos {
namespace {

using platform::CommandLine;
using platform::CommandOutput;
using platform::CommandRunner;
using platform::DiskLifecycle;
using platform::Filesystem;
using platform::MountedVolume;
using platform::Partition;
using platform::PartitionSpec;

namespace fs = std::filesystem;

// "disk5" from "/dev/disk5", "/dev/rdisk5" or "disk5".
std::string disk_identifier(const std::string& node) {
  std::string name = fs::path(node).filename().string();
  if (name.starts_with("rdisk")) {
    name.erase(0, 1);
  }
  return name;
}

class DiskutilDiskLifecycle final : public DiskLifecycle {
 public:
  explicit DiskutilDiskLifecycle(CommandRunner runner) : runner_(std::move(runner)) {}

  std::string name() const override { return "macos: diskutil"; }

  std::optional<std::string> why_unsupported(Filesystem filesystem) const override {
    if (diskutil_personality(filesystem).empty()) {
      return "macOS cannot create " + to_string(filesystem);
    }
    return std::nullopt;
  }

  std::optional<std::string> why_cannot_format(Filesystem filesystem) const override {
    return why_unsupported(filesystem);
  }

  Result<Partition> erase_disk(const std::string& disk, Filesystem filesystem,
                               const std::string& label) override {
    const std::string personality = diskutil_personality(filesystem);
    if (personality.empty()) {
      return fail("erase " + disk, "macOS cannot create " + to_string(filesystem));
    }
    const std::string id = disk_identifier(disk);
    DQ_TRY(diskutil({{"diskutil", "eraseDisk", personality, label, "GPT", id}, std::chrono::minutes(10)}));
    // The whole listing: after an APFS erase the volume is in a new synthesized container disk that
    // `diskutil list diskN` does not show (erased_volume.h).
    DQ_TRY_ASSIGN(const CommandOutput output, checked({{"diskutil", "list", "-plist"}}));
    DQ_TRY_ASSIGN(const auto listing, parse_diskutil_list(output.out));
    DQ_TRY_ASSIGN(const DiskutilVolume volume, volume_of_erased_disk(listing, id, label));
    Partition partition;
    partition.number = 1;
    partition.node = "/dev/" + volume.device_identifier;
    partition.size_bytes = volume.size_bytes.value_or(0);
    return partition;
  }

  Status partition_gpt(const std::string& disk, std::span<const PartitionSpec> partitions) override {
    std::vector<std::string> argv = {"diskutil", "partitionDisk", disk_identifier(disk),
                                     std::to_string(partitions.size()), "GPT"};
    for (const PartitionSpec& spec : partitions) {
      const std::string personality = diskutil_personality(spec.filesystem);
      if (personality.empty()) {
        return fail("partition " + disk, "macOS cannot create " + to_string(spec.filesystem));
      }
      argv.push_back(personality);
      argv.push_back(spec.name);
      argv.push_back(spec.size_bytes == 0 ? "R" : std::to_string(spec.size_bytes) + "B");
    }
    return diskutil({argv, std::chrono::minutes(10)});
  }

  Result<std::vector<Partition>> reread_partitions(const std::string& disk, std::size_t expected) override {
    const std::string id = disk_identifier(disk);
    DQ_TRY_ASSIGN(const CommandOutput output, checked({{"diskutil", "list", "-plist", id}}));
    DQ_TRY_ASSIGN(const auto disks, parse_diskutil_list(output.out));
    for (const DiskutilWholeDisk& whole : disks) {
      if (whole.device_identifier != id) {
        continue;
      }
      std::vector<Partition> partitions;
      for (const DiskutilPartition& part : whole.partitions) {
        if (part.content == "EFI") {
          continue;  // partitionDisk adds an EFI system partition in front of ours
        }
        Partition partition;
        partition.number = static_cast<std::uint32_t>(partitions.size() + 1);
        partition.node = "/dev/" + part.device_identifier;
        partition.size_bytes = part.size_bytes.value_or(0);
        partitions.push_back(partition);
      }
      if (partitions.size() != expected) {
        return fail("diskutil list " + id, "shows " + std::to_string(partitions.size()) +
                                               " partitions besides EFI, the table has " +
                                               std::to_string(expected));
      }
      return partitions;
    }
    return fail("diskutil list " + id, "the disk is not in the list");
  }

  Status format(const Partition& partition, Filesystem filesystem, const std::string& label) override {
    const std::string personality = diskutil_personality(filesystem);
    if (personality.empty()) {
      return fail("format " + partition.node, "macOS cannot create " + to_string(filesystem));
    }
    return diskutil({{"diskutil", "eraseVolume", personality, label, disk_identifier(partition.node)},
                     std::chrono::minutes(10)});
  }

  Status check(const Partition& partition, Filesystem /*filesystem*/) override {
    return diskutil(
        {{"diskutil", "verifyVolume", disk_identifier(partition.node)}, std::chrono::minutes(10)});
  }

  Result<MountedVolume> mount(const Partition& partition, Filesystem /*filesystem*/) override {
    std::string dir_template = (fs::temp_directory_path() / "dextqual-mnt.XXXXXX").string();
    if (::mkdtemp(dir_template.data()) == nullptr) {
      return fail_errno("mkdtemp " + dir_template);
    }
    if (auto mounted =
            diskutil({{"diskutil", "mount", "-mountPoint", dir_template, disk_identifier(partition.node)}});
        !mounted) {
      ::rmdir(dir_template.c_str());
      return std::unexpected(mounted.error());
    }
    return MountedVolume(this, partition.node, dir_template, /*remove_dir=*/true);
  }

  Status unmount(const fs::path& mount_point) override {
    return diskutil({{"diskutil", "unmount", mount_point.string()}});
  }

  Status unmount_disk(const std::string& disk) override {
    return diskutil({{"diskutil", "unmountDisk", disk_identifier(disk)}});
  }

  Status drop_caches(const std::string& /*node*/) override {
    DQ_TRY(checked({{"sync"}}));
    DQ_TRY(checked({{"purge"}}));  // empties the unified buffer cache
    return {};
  }

 private:
  // A verb whose success is exit 0 without an error line; a failure carries diskutil's code and meaning.
  Status diskutil(const CommandLine& command) {
    DQ_TRY_ASSIGN(const CommandOutput output, runner_(command));
    if (auto error = diskutil_error(output)) {
      return fail(describe(command), error->describe());
    }
    return {};
  }

  Result<CommandOutput> checked(const CommandLine& command) {
    DQ_TRY_ASSIGN(CommandOutput output, runner_(command));
    if (auto error = diskutil_error(output)) {
      return fail(describe(command), error->describe());
    }
    return output;
  }

  CommandRunner runner_;
};

}  // namespace

std::string diskutil_personality(platform::Filesystem filesystem) {
  switch (filesystem) {
    case platform::Filesystem::apfs:
      return "APFS";
    case platform::Filesystem::hfsplus:
      return "JHFS+";
    case platform::Filesystem::exfat:
      return "ExFAT";
    case platform::Filesystem::vfat:
      return "MS-DOS FAT32";
    case platform::Filesystem::ext4:
      return "";
  }
  return "";
}

std::unique_ptr<platform::DiskLifecycle> make_diskutil_disk_lifecycle(platform::CommandRunner runner) {
  return std::make_unique<DiskutilDiskLifecycle>(std::move(runner));
}

}  // namespace dextqual::macos
