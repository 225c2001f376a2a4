// A set of files whose every 512-byte sector is an integrity-engine stamp, written into a mounted
// volume and verified after it has been unmounted, re-read, remounted, ejected or power-cycled. Each
// file gets its own pseudo-LBA space ((index + 1) << 32), so a sector of one file found in another, or
// a sector from an earlier cycle (older generation) or another run, is classified as such rather than
// just "different". The names include CJK characters, combining marks and other non-ASCII text (F9).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "integrity/run_identity.h"
#include "integrity/sector_stamp.h"

namespace dextqual::lifecycle {

struct StampedFile {
  std::string name;  // UTF-8, exactly as created
  std::uint64_t sectors = 0;
};

// The names a volume must round-trip (F9): CJK (Traditional and Simplified), a combining acute accent
// (NFD "é"), Greek, an emoji outside the BMP, a space, and a plain ASCII name.
[[nodiscard]] std::vector<std::string> namespace_probe_names();

class StampedFileSet {
 public:
  // `files` files of `sectors_each` sectors, named from namespace_probe_names() (cycled, suffixed).
  StampedFileSet(const integrity::RunIdentity& identity, std::size_t files, std::uint64_t sectors_each);

  // Writes every file under `dir` with `generation`, fsyncs each file and the directory.
  [[nodiscard]] Status write(const std::filesystem::path& dir, std::uint64_t generation);

  // Reads every file back and checks each sector is this run's stamp of that file, sector and
  // generation. The Error lists the first findings, in the integrity engine's words.
  [[nodiscard]] Status verify(const std::filesystem::path& dir, std::uint64_t generation) const;

  [[nodiscard]] const std::vector<StampedFile>& files() const { return files_; }

 private:
  integrity::StampKeys keys_;
  std::vector<StampedFile> files_;
};

}  // namespace dextqual::lifecycle
