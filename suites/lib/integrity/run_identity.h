// The identity of one test run: a fresh random key drawn from libsodium when the run starts, the subkeys
// every other part of the integrity engine derives from it (crypto_kdf), and a 64-bit run id that is a
// one-way function of the key. Data stamped under one run's key never verifies under another's, even
// when both runs used identical parameters (FIO.md §5.1: fio's stamps are identical across reruns).
// The secret is saved to the run's state directory (mode 0600) so that the phase after a reboot or a
// power cut can reload it and verify what the phase before wrote.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dextqual::integrity {

inline constexpr std::size_t kRunKeyBytes = 32;  // crypto_kdf_KEYBYTES

// A 128-bit SipHash key (crypto_shorthash_KEYBYTES).
using ShortKey = std::array<std::uint8_t, 16>;
// A 256-bit key for keyed BLAKE2b (crypto_generichash with a key).
using LongKey = std::array<std::uint8_t, 32>;

// What a subkey is for. Each purpose gets its own crypto_kdf context, so keys never overlap.
enum class KeyPurpose : std::uint8_t {
  sector_header,   // SipHash-2-4 MAC over each sector stamp's header
  sector_payload,  // SipHash-2-4 of (LBA, generation) that seeds the payload expander
  manifest,        // keyed BLAKE2b over files, extents and the manifest itself
  journal,         // per-record MAC of the write/flush journal
};

class RunIdentity {
 public:
  // A fresh identity from libsodium's CSPRNG. Fails only if libsodium cannot initialise.
  [[nodiscard]] static Result<RunIdentity> generate();
  // An identity from a known key (tests, and `load`).
  [[nodiscard]] static Result<RunIdentity> from_key(const std::array<std::uint8_t, kRunKeyBytes>& key);
  // Reads a secret written by `save`. Refuses files that are readable by group or others.
  [[nodiscard]] static Result<RunIdentity> load(const std::filesystem::path& path);

  // Writes the secret to `path` with mode 0600 (temp file + fsync + rename + directory fsync), so a
  // power cut leaves either the old file or the new one.
  [[nodiscard]] Status save(const std::filesystem::path& path) const;

  [[nodiscard]] std::uint64_t run_id() const { return run_id_; }
  // The run id as 16 lowercase hex digits, as reports and manifests show it.
  [[nodiscard]] std::string run_id_hex() const;

  // Subkeys for the engine's own purposes. `stream` separates writers or phases that need independent
  // keys (e.g. one per persistence phase); stream 0 is the default.
  [[nodiscard]] ShortKey short_key(KeyPurpose purpose, std::uint64_t stream = 0) const;
  [[nodiscard]] LongKey long_key(KeyPurpose purpose, std::uint64_t stream = 0) const;

 private:
  RunIdentity() = default;
  std::array<std::uint8_t, kRunKeyBytes> key_{};
  std::uint64_t run_id_ = 0;
};

// Formats a 64-bit value as 16 lowercase hex digits.
[[nodiscard]] std::string hex64(std::uint64_t value);

}  // namespace dextqual::integrity
