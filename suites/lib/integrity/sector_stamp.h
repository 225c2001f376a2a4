// Sector stamps: the self-describing content the integrity engine writes into every 512-byte sector.
//
// Layout (little-endian, 512 bytes; a logical block of 4 KiB carries eight of these, so tearing inside a
// block is visible):
//   0  magic "DQSTAMP1"      8  run id         16 LBA (in 512-byte sectors)   24 generation
//   32 write id (one per command)             40 sequence number (per writer)
//   48 writer id (u32)   52 version (u8)   53 log2(logical block / 512) (u8)   54 reserved, zero (u16)
//   56 header MAC: SipHash-2-4 (libsodium crypto_shorthash) of bytes 0..55 under the run's header key
//   64 payload: 448 bytes expanded from SipHash-2-4(payload key, LBA, generation) (payload_stream.h)
//
// Why: the MAC makes a header from another run (another key) fail even when every field happens to
// match; the keyed payload means only this run can regenerate what should be at (LBA, generation). The
// magic, version and reserved bytes are deliberately unkeyed so that a sector stamped by another run
// is still recognisable as "foreign" rather than "garbage".
#pragma once

#include <cstdint>
#include <span>

#include "integrity/run_identity.h"

namespace dextqual::integrity {

inline constexpr std::size_t kSectorSize = 512;
inline constexpr std::size_t kHeaderSize = 64;
inline constexpr std::size_t kMacOffset = 56;
inline constexpr std::uint64_t kStampMagic = 0x31504d4154535144ULL;  // "DQSTAMP1" in memory order
inline constexpr std::uint8_t kStampVersion = 1;

// The keys and run id a writer or verifier needs; cheap to copy, derived once per run (and stream).
struct StampKeys {
  ShortKey header{};
  ShortKey payload{};
  std::uint64_t run_id = 0;

  [[nodiscard]] static StampKeys for_run(const RunIdentity& identity, std::uint64_t stream = 0);
};

// What a writer puts in one sector's header besides the run id.
struct StampFields {
  std::uint64_t lba = 0;
  std::uint64_t generation = 0;
  std::uint64_t write_id = 0;
  std::uint64_t seq = 0;
  std::uint32_t writer_id = 0;
  std::uint8_t block_shift = 0;  // log2(logical block size / 512): 0 for 512 B, 3 for 4 KiB
};

// A header as read back, field by field, before any judgement.
struct SectorHeader {
  std::uint64_t magic = 0;
  std::uint64_t run_id = 0;
  std::uint64_t lba = 0;
  std::uint64_t generation = 0;
  std::uint64_t write_id = 0;
  std::uint64_t seq = 0;
  std::uint32_t writer_id = 0;
  std::uint8_t version = 0;
  std::uint8_t block_shift = 0;
  std::uint16_t reserved = 0;
  std::uint64_t mac = 0;

  // Magic, version and reserved bytes are right: this is a dextqual stamp of some run.
  [[nodiscard]] bool structurally_valid() const {
    return magic == kStampMagic && version == kStampVersion && reserved == 0 && block_shift <= 8;
  }
};

using SectorSpan = std::span<std::uint8_t, kSectorSize>;
using ConstSectorSpan = std::span<const std::uint8_t, kSectorSize>;

// Stamps one sector completely (header and payload).
void stamp_sector(const StampKeys& keys, const StampFields& fields, SectorSpan out);

// Stamps `buffer` (a whole number of sectors) as consecutive LBAs from `first.lba`, all with the same
// generation, write id and sequence number: what one write command carries.
void stamp_sectors(const StampKeys& keys, const StampFields& first, std::span<std::uint8_t> buffer);

[[nodiscard]] SectorHeader decode_header(ConstSectorSpan sector);

// The MAC a header with these bytes 0..55 must carry under `keys`.
[[nodiscard]] std::uint64_t header_mac(const StampKeys& keys, const std::uint8_t* header56);
[[nodiscard]] bool header_authentic(const StampKeys& keys, ConstSectorSpan sector);

// The payload seed for (LBA, generation) under the run's payload key.
[[nodiscard]] std::uint64_t payload_seed(const StampKeys& keys, std::uint64_t lba, std::uint64_t generation);

// True when `sector` is exactly what this run stamped at `lba` with `generation` (header fields that are
// not implied by (LBA, generation), such as the write id, are taken from the sector and authenticated by
// the MAC). This is the verifier's fast path.
[[nodiscard]] bool sector_intact(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba,
                                 std::uint64_t min_generation, std::uint64_t max_generation);

}  // namespace dextqual::integrity
