#include "lifecycle/stamped_file_set.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <vector>

#include "core/unique_fd.h"
#include "integrity/expected_state.h"
#include "integrity/sector_verifier.h"

namespace dextqual::lifecycle {
namespace {

std::uint64_t file_base_lba(std::size_t index) { return static_cast<std::uint64_t>(index + 1) << 32; }

Status fsync_path(const std::filesystem::path& path, int flags) {
  UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC));
  if (!fd || ::fsync(fd.get()) != 0) {
    return fail_errno("fsync " + path.string());
  }
  return {};
}

}  // namespace

std::vector<std::string> namespace_probe_names() {
  return {
      "\u8cc7\u6599\u593e-\u6a94\u6848.bin",  // 資料夾-檔案 (Traditional Chinese, as in F9)
      "\u4e2d\u6587\u6587\u4ef6.bin",         // 中文文件 (Simplified)
      "cafe\u0301-combining.bin",             // "café" with U+0301 COMBINING ACUTE ACCENT (NFD)
      "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac.bin",  // Ελληνικά
      "\U0001F4E6 box.bin",                                    // an emoji outside the BMP, and a space
      "plain-ascii.bin",
  };
}

StampedFileSet::StampedFileSet(const integrity::RunIdentity& identity, std::size_t files,
                               std::uint64_t sectors_each)
    : keys_(integrity::StampKeys::for_run(identity)) {
  const std::vector<std::string> names = namespace_probe_names();
  for (std::size_t i = 0; i < files; ++i) {
    std::string name = names[i % names.size()];
    if (i >= names.size()) {
      name = std::to_string(i / names.size()) + "-" + name;
    }
    files_.push_back({name, sectors_each});
  }
}

Status StampedFileSet::write(const std::filesystem::path& dir, std::uint64_t generation) {
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const StampedFile& file = files_[i];
    const std::filesystem::path path = dir / file.name;
    std::vector<std::uint8_t> buffer(file.sectors * integrity::kSectorSize);
    integrity::StampFields fields;
    fields.lba = file_base_lba(i);
    fields.generation = generation;
    fields.write_id = i + 1;
    fields.seq = generation;
    integrity::stamp_sectors(keys_, fields, buffer);
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) {
      return fail_errno("create " + path.string());
    }
    std::size_t done = 0;
    while (done < buffer.size()) {
      const ssize_t written = ::write(fd.get(), buffer.data() + done, buffer.size() - done);
      if (written <= 0) {
        return fail_errno("write " + path.string() + " at byte " + std::to_string(done));
      }
      done += static_cast<std::size_t>(written);
    }
    if (::fsync(fd.get()) != 0) {
      return fail_errno("fsync " + path.string());
    }
  }
  return fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

Status StampedFileSet::verify(const std::filesystem::path& dir, std::uint64_t generation) const {
  std::string problems;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const StampedFile& file = files_[i];
    const std::filesystem::path path = dir / file.name;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
      problems += "\n  " + file.name + ": cannot open: " + std::strerror(errno);
      continue;
    }
    std::vector<std::uint8_t> buffer(file.sectors * integrity::kSectorSize);
    const ssize_t got = ::pread(fd.get(), buffer.data(), buffer.size(), 0);
    std::uint8_t extra = 0;
    if (got != static_cast<ssize_t>(buffer.size()) || ::pread(fd.get(), &extra, 1, buffer.size()) != 0) {
      problems += "\n  " + file.name + ": size differs from " + std::to_string(buffer.size()) + " bytes";
      continue;
    }
    integrity::ExpectedState expected;
    const integrity::LbaRange range{file_base_lba(i), file.sectors};
    if (auto recorded = expected.record_write(range, generation, integrity::WriteState::must_survive);
        !recorded) {
      return std::unexpected(recorded.error());
    }
    const integrity::VerifyReport report = integrity::verify_sectors(keys_, buffer, range.first, expected);
    if (!report.passed()) {
      for (std::size_t f = 0; f < report.findings.size() && f < 3; ++f) {
        problems += "\n  " + file.name + " (file sector = LBA - " + std::to_string(range.first) +
                    "): " + report.findings[f].describe();
      }
    }
  }
  if (!problems.empty()) {
    return fail(
        "verify stamped files in " + dir.string() + " (generation " + std::to_string(generation) + ")",
        problems);
  }
  return {};
}

}  // namespace dextqual::lifecycle
