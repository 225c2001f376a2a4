#include "lifecycle/lifecycle_disk.h"

#include <iostream>
#include <system_error>
#include <utility>

namespace dextqual::platform {

std::string to_string(Filesystem fs) {
  switch (fs) {
    case Filesystem::ext4:
      return "ext4";
    case Filesystem::vfat:
      return "vfat";
    case Filesystem::exfat:
      return "exfat";
    case Filesystem::apfs:
      return "apfs";
    case Filesystem::hfsplus:
      return "hfsplus";
  }
  return "unknown";
}

MountedVolume::MountedVolume(DiskLifecycle* owner, std::string node, std::filesystem::path mount_point,
                             bool remove_dir)
    : owner_(owner), node_(std::move(node)), mount_point_(std::move(mount_point)), remove_dir_(remove_dir) {}

MountedVolume::MountedVolume(MountedVolume&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)),
      node_(std::move(other.node_)),
      mount_point_(std::move(other.mount_point_)),
      remove_dir_(std::exchange(other.remove_dir_, false)) {}

MountedVolume& MountedVolume::operator=(MountedVolume&& other) noexcept {
  if (this != &other) {
    (void)unmount();
    owner_ = std::exchange(other.owner_, nullptr);
    node_ = std::move(other.node_);
    mount_point_ = std::move(other.mount_point_);
    remove_dir_ = std::exchange(other.remove_dir_, false);
  }
  return *this;
}

MountedVolume::~MountedVolume() {
  if (auto status = unmount(); !status) {
    // A destructor cannot fail the test; it can make sure the leak is not silent.
    std::cerr << "dextqual: leaving " << mount_point_ << " mounted: " << status.error().message() << "\n";
  }
}

Status MountedVolume::unmount() {
  if (owner_ == nullptr) {
    return {};
  }
  DiskLifecycle* owner = std::exchange(owner_, nullptr);
  DQ_TRY(owner->unmount(mount_point_));
  if (remove_dir_) {
    std::error_code ignored;
    std::filesystem::remove(mount_point_, ignored);
  }
  return {};
}

}  // namespace dextqual::platform
