// A private scratch directory for one fio run (its job file and the verify state files fio leaves in
// its cwd, FIO.md §3), removed with everything in it when the test ends, pass or fail.
#pragma once

#include <filesystem>
#include <string>

namespace dextqual::fio {

class ScratchDir {
 public:
  // Under `parent` (the run's state directory) when given, else under /tmp.
  explicit ScratchDir(const std::string& parent, const std::string& label);
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace dextqual::fio
