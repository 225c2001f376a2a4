// The payload expander: turns one 64-bit seed into the 448 payload bytes of a sector stamp, and checks
// read-back payload against it without materialising the expected bytes.
//
// Why this shape. The seed is a keyed SipHash-2-4 of (LBA, generation) under the run key (see
// sector_stamp.h), so only the run key can produce it: that is where the cryptography is. The expander
// only has to be fast and to make every (seed, word index) pair look unrelated; it does not have to be a
// secure PRF, because nobody adversarial writes our disks — a different run, an earlier generation or a
// neighbouring LBA simply has a different seed. We use the wyrand step (a 64x64->128 multiply folded to
// 64 bits, Wang Yi's public-domain construction): one multiply per 8 bytes. Whole stamps come out
// about 2x faster than libsodium's ChaCha20 and 5-6x faster than keyed BLAKE2b could produce or hash
// the same bytes (measured, README.md). Being
// counter-based, word i can be recomputed on its own, which the classifier uses to test a sector word
// by word against several candidate generations.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace dextqual::integrity {

inline constexpr std::size_t kPayloadWords = 56;  // 448 bytes after the 64-byte header

__extension__ using Uint128 = unsigned __int128;  // GCC/Clang extension; __extension__ keeps -Wpedantic quiet

// Word `index` of the payload for `seed`.
[[nodiscard]] inline std::uint64_t payload_word(std::uint64_t seed, std::uint64_t index) {
  const std::uint64_t state = seed + (index + 1) * 0xa0761d6478bd642fULL;
  const Uint128 product = static_cast<Uint128>(state) * static_cast<Uint128>(state ^ 0xe7037ed1a0b428dbULL);
  return static_cast<std::uint64_t>(product >> 64) ^ static_cast<std::uint64_t>(product);
}

[[nodiscard]] inline std::uint64_t load_word(const std::uint8_t* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

inline void store_word(std::uint8_t* bytes, std::uint64_t word) { std::memcpy(bytes, &word, sizeof word); }

// Writes the 448 payload bytes for `seed` at `out`.
inline void fill_payload(std::uint64_t seed, std::uint8_t* out) {
  for (std::size_t i = 0; i < kPayloadWords; ++i) {
    store_word(out + i * 8, payload_word(seed, i));
  }
}

// True when the 448 bytes at `in` are exactly the payload for `seed`. Branch-free over the sector so
// the common (intact) case runs at expander speed.
[[nodiscard]] inline bool payload_equals(std::uint64_t seed, const std::uint8_t* in) {
  std::uint64_t diff = 0;
  for (std::size_t i = 0; i < kPayloadWords; ++i) {
    diff |= load_word(in + i * 8) ^ payload_word(seed, i);
  }
  return diff == 0;
}

// Number of bits in which the 448 bytes at `in` differ from the payload for `seed`.
[[nodiscard]] inline int payload_bit_distance(std::uint64_t seed, const std::uint8_t* in) {
  int bits = 0;
  for (std::size_t i = 0; i < kPayloadWords; ++i) {
    bits += std::popcount(load_word(in + i * 8) ^ payload_word(seed, i));
  }
  return bits;
}

// Bit i set when payload word i at `in` equals word i of the payload for `seed` (56 bits used).
[[nodiscard]] inline std::uint64_t payload_match_mask(std::uint64_t seed, const std::uint8_t* in) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < kPayloadWords; ++i) {
    if (load_word(in + i * 8) == payload_word(seed, i)) {
      mask |= std::uint64_t{1} << i;
    }
  }
  return mask;
}

}  // namespace dextqual::integrity
