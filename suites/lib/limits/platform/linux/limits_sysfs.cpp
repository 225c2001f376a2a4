#include "limits/platform/linux/limits_sysfs.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <charconv>
#include <fstream>
#include <optional>

namespace dextqual::limits {
namespace {

namespace fs = std::filesystem;

Result<std::optional<std::string>> read_text(const fs::path& path) {
  std::ifstream in(path);
  if (!in) {
    if (!fs::exists(path)) {
      return std::optional<std::string>();
    }
    return fail_errno("read " + path.string());
  }
  std::string line;
  std::getline(in, line);
  return std::optional<std::string>(line);
}

Status read_number(const fs::path& dir, const char* name, std::uint64_t scale,
                   std::optional<std::uint64_t>& out) {
  DQ_TRY_ASSIGN(auto text, read_text(dir / name));
  if (!text) {
    return {};
  }
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size()) {
    return fail("read " + (dir / name).string(), "not a number: '" + *text + "'");
  }
  out = value * scale;
  return {};
}

}  // namespace

Result<fs::path> queue_dir_for_node(const std::string& node) {
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    return fail_errno("stat " + node);
  }
  if (!S_ISBLK(st.st_mode)) {
    return fail("queue limits of " + node, "not a block device");
  }
  fs::path dev =
      "/sys/dev/block/" + std::to_string(major(st.st_rdev)) + ":" + std::to_string(minor(st.st_rdev));
  std::error_code ec;
  fs::path real = fs::canonical(dev, ec);
  if (ec) {
    return fail("resolve " + dev.string(), ec.message());
  }
  if (fs::exists(real / "partition")) {
    real = real.parent_path();
  }
  return real / "queue";
}

Result<LinuxQueueLimits> read_queue_limits(const fs::path& queue_dir) {
  if (!fs::is_directory(queue_dir)) {
    return fail("read queue limits", queue_dir.string() + " is not a directory");
  }
  LinuxQueueLimits out;
  out.device = queue_dir.parent_path().filename().string();
  DQ_TRY(read_number(queue_dir, "max_hw_sectors_kb", 1024, out.max_hw_bytes));
  DQ_TRY(read_number(queue_dir, "max_sectors_kb", 1024, out.max_bytes));
  DQ_TRY(read_number(queue_dir, "max_segments", 1, out.max_segments));
  DQ_TRY(read_number(queue_dir, "max_segment_size", 1, out.max_segment_size));
  DQ_TRY(read_number(queue_dir, "logical_block_size", 1, out.logical_block_size));
  DQ_TRY(read_number(queue_dir, "physical_block_size", 1, out.physical_block_size));
  DQ_TRY(read_number(queue_dir, "dma_alignment", 1, out.dma_alignment));
  DQ_TRY_ASSIGN(out.write_cache, read_text(queue_dir / "write_cache"));
  return out;
}

}  // namespace dextqual::limits
