// Linux: the kernel's link to the running image.
#include <filesystem>
#include <optional>

#include "core/layout.h"

namespace dextqual {

std::optional<std::filesystem::path> own_executable() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return path;
}

}  // namespace dextqual
