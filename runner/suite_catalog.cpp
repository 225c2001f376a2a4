#include "runner/suite_catalog.h"

#include <unistd.h>

#include <algorithm>
#include <map>

namespace dextqual::runner {
namespace {

constexpr std::string_view kPrefix = "dextqual_";
constexpr std::string_view kSuffix = "_suite";

bool is_executable_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// "dextqual_rawio_suite" -> "rawio"; empty when the file name is not a suite binary's.
std::string suite_name_of(const std::string& file_name) {
  if (!file_name.starts_with(kPrefix) || !file_name.ends_with(kSuffix) ||
      file_name.size() <= kPrefix.size() + kSuffix.size()) {
    return {};
  }
  return file_name.substr(kPrefix.size(), file_name.size() - kPrefix.size() - kSuffix.size());
}

}  // namespace

const std::vector<std::string>& canonical_suite_names() {
  static const std::vector<std::string> names = {"scsi",      "limits",      "rawio",   "buffered", "fio",
                                                 "partition", "persistence", "hotplug", "perf"};
  return names;
}

std::vector<SuiteBinary> discover_suites(const std::filesystem::path& suites_dir) {
  std::map<std::string, std::filesystem::path> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(suites_dir, ec)) {
    std::vector<std::filesystem::path> candidates;
    if (entry.is_directory(ec)) {
      const auto dir_name = entry.path().filename().string();
      candidates.push_back(entry.path() / (std::string(kPrefix) + dir_name + std::string(kSuffix)));
    } else {
      candidates.push_back(entry.path());
    }
    for (const auto& candidate : candidates) {
      const auto name = suite_name_of(candidate.filename().string());
      if (!name.empty() && is_executable_file(candidate) && !found.contains(name)) found[name] = candidate;
    }
  }
  std::vector<SuiteBinary> suites;
  for (const auto& name : canonical_suite_names()) {
    if (auto it = found.find(name); it != found.end()) {
      suites.push_back({name, it->second});
      found.erase(it);
    }
  }
  for (const auto& [name, path] : found) suites.push_back({name, path});
  return suites;
}

}  // namespace dextqual::runner
