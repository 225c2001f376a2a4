#include "scsi/os_disk_view.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <filesystem>
#include <fstream>

namespace dextqual::scsi {
namespace {

std::optional<std::string> read_line(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return std::nullopt;
  }
  return line;
}

// /sys/block/<name> for a block node or for the disk an sg node belongs to.
std::optional<std::filesystem::path> sysfs_block(const std::string& node) {
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    return std::nullopt;
  }
  std::error_code error;
  const std::string kind = S_ISBLK(st.st_mode) ? "block" : "char";
  const auto dev = std::filesystem::path("/sys/dev") / kind /
                   (std::to_string(::major(st.st_rdev)) + ":" + std::to_string(::minor(st.st_rdev)));
  if (S_ISBLK(st.st_mode)) {
    return std::filesystem::canonical(dev, error);
  }
  for (const auto& entry : std::filesystem::directory_iterator(dev / "device" / "block", error)) {
    return entry.path();
  }
  return std::nullopt;
}

}  // namespace

OsDiskView os_disk_view(const std::string& node) {
  OsDiskView view;
  auto block = sysfs_block(node);
  if (!block) {
    return view;
  }
  if (auto sectors = read_line(*block / "size")) {
    view.size_bytes = std::stoull(*sectors) * 512;  // sysfs counts 512-byte sectors whatever the LBA size
  }
  if (auto lbs = read_line(*block / "queue" / "logical_block_size")) {
    view.logical_block_size = static_cast<uint32_t>(std::stoul(*lbs));
  }
  if (auto cache = read_line(*block / "queue" / "write_cache")) {
    view.write_cache = *cache == "write back";
  }
  return view;
}

}  // namespace dextqual::scsi
