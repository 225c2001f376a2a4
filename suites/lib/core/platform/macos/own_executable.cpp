// macOS: dyld's path of the main image, which may go through symlinks; canonical() resolves them.
#include <mach-o/dyld.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/layout.h"

namespace dextqual {

std::optional<std::filesystem::path> own_executable() {
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);  // reports the size it needs
  std::vector<char> buffer(size + 1, '\0');
  if (_NSGetExecutablePath(buffer.data(), &size) != 0) return std::nullopt;
  std::error_code ec;
  auto path = std::filesystem::canonical(buffer.data(), ec);
  if (ec) return std::nullopt;
  return path;
}

}  // namespace dextqual
