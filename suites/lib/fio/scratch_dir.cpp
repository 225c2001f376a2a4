#include "fio/scratch_dir.h"

#include <stdlib.h>

#include <vector>

namespace dextqual::fio {

ScratchDir::ScratchDir(const std::string& parent, const std::string& label) {
  const std::filesystem::path base =
      parent.empty() ? std::filesystem::path("/tmp") : std::filesystem::path(parent);
  std::error_code ec;
  std::filesystem::create_directories(base, ec);
  std::string pattern = (base / ("dextqual-" + label + ".XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) != nullptr) {
    path_ = buffer.data();
  }
}

ScratchDir::~ScratchDir() {
  if (!path_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
}

}  // namespace dextqual::fio
