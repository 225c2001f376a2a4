#include "runner/test_progress.h"

#include <cstdio>

#include "contract/run_contract.h"

namespace dextqual::runner {

std::filesystem::path progress_file(const std::filesystem::path& suite_work_dir) {
  return suite_work_dir / "progress.json";
}

std::string byte_count_text(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  if (unit == 0) {
    std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
  }
  return text;
}

std::string progress_text(const std::filesystem::path& file, std::string_view test) {
  const auto progress = contract::read_test_progress(file);
  if (!progress || progress->test != test || progress->bytes_verified == 0) return {};
  return byte_count_text(progress->bytes_verified) + " verified";
}

}  // namespace dextqual::runner
