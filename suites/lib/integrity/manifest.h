// Manifests: keyed BLAKE2b digests (libsodium crypto_generichash with the run's manifest key) of files
// and of device extents, for `cp`-style checks and for the phase after a reboot, which compares what it
// reads now with what the phase before recorded. The manifest itself is authenticated with a second
// keyed BLAKE2b over its canonical JSON, so a corrupted manifest, or one written by another run, is
// rejected with an Error that says which — never silently trusted. Digests are keyed so that a file
// copied from an earlier run with identical contents does not match this run's manifest by accident
// of content: the key binds the digest to this run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "integrity/run_identity.h"

namespace dextqual::integrity {

enum class ManifestKind : std::uint8_t { file, extent };

struct ManifestEntry {
  std::string name;  // a relative path for files, a label ("LBA 0..2047 of sdb") for extents
  ManifestKind kind = ManifestKind::file;
  std::uint64_t offset = 0;  // extents: byte offset on the descriptor
  std::uint64_t size = 0;    // bytes digested
  std::string digest;        // 64 hex digits: keyed BLAKE2b-256
  friend bool operator==(const ManifestEntry&, const ManifestEntry&) = default;
};

// One difference between an expected and an actual manifest.
struct ManifestMismatch {
  std::string name;
  std::string what;  // "missing", "unexpected", "size 4096 -> 0", "digest differs"
};

class Manifest {
 public:
  explicit Manifest(const RunIdentity& identity);

  // Digests a whole file and records it under `name`.
  [[nodiscard]] Status add_file(const std::filesystem::path& path, const std::string& name);
  // Digests `size` bytes at `offset` of `fd` (a device or file) and records them under `name`.
  [[nodiscard]] Status add_extent(int fd, std::uint64_t offset, std::uint64_t size, const std::string& name);

  [[nodiscard]] const std::vector<ManifestEntry>& entries() const { return entries_; }

  // Canonical JSON text with its MAC.
  [[nodiscard]] std::string serialise() const;
  // Parses and authenticates `text`; rejects malformed, foreign and corrupted manifests.
  [[nodiscard]] static Result<Manifest> parse(std::string_view text, const RunIdentity& identity);

  // Atomically (temp file + fsync + rename + directory fsync).
  [[nodiscard]] Status save(const std::filesystem::path& path) const;
  [[nodiscard]] static Result<Manifest> load(const std::filesystem::path& path, const RunIdentity& identity);

  // What differs in `actual` relative to this (expected) manifest; empty when they agree.
  [[nodiscard]] std::vector<ManifestMismatch> compare(const Manifest& actual) const;

 private:
  const RunIdentity* identity_;
  std::vector<ManifestEntry> entries_;
};

// Keyed BLAKE2b-256 of `size` bytes at `offset` of `fd`, as 64 hex digits.
[[nodiscard]] Result<std::string> keyed_digest(int fd, std::uint64_t offset, std::uint64_t size,
                                               const LongKey& key);

}  // namespace dextqual::integrity
