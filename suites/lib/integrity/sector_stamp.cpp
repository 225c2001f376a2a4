#include "integrity/sector_stamp.h"

#include <sodium.h>

#include <bit>
#include <cstring>

#include "integrity/payload_stream.h"

namespace dextqual::integrity {

static_assert(std::endian::native == std::endian::little,
              "stamps are defined little-endian; a big-endian port must byte-swap in encode/decode");
static_assert(kHeaderSize + kPayloadWords * 8 == kSectorSize);

namespace {

std::uint64_t siphash(const ShortKey& key, const std::uint8_t* data, std::size_t size) {
  std::uint8_t out[crypto_shorthash_BYTES];
  crypto_shorthash(out, data, size, key.data());
  std::uint64_t value = 0;
  std::memcpy(&value, out, sizeof value);
  return value;
}

void encode_header(std::uint64_t run_id, const StampFields& fields, std::uint8_t* out) {
  store_word(out + 0, kStampMagic);
  store_word(out + 8, run_id);
  store_word(out + 16, fields.lba);
  store_word(out + 24, fields.generation);
  store_word(out + 32, fields.write_id);
  store_word(out + 40, fields.seq);
  std::memcpy(out + 48, &fields.writer_id, sizeof fields.writer_id);
  out[52] = kStampVersion;
  out[53] = fields.block_shift;
  out[54] = 0;
  out[55] = 0;
}

}  // namespace

StampKeys StampKeys::for_run(const RunIdentity& identity, std::uint64_t stream) {
  return StampKeys{identity.short_key(KeyPurpose::sector_header, stream),
                   identity.short_key(KeyPurpose::sector_payload, stream), identity.run_id()};
}

std::uint64_t header_mac(const StampKeys& keys, const std::uint8_t* header56) {
  return siphash(keys.header, header56, kMacOffset);
}

std::uint64_t payload_seed(const StampKeys& keys, std::uint64_t lba, std::uint64_t generation) {
  std::uint8_t input[16];
  store_word(input, lba);
  store_word(input + 8, generation);
  return siphash(keys.payload, input, sizeof input);
}

void stamp_sector(const StampKeys& keys, const StampFields& fields, SectorSpan out) {
  std::uint8_t* bytes = out.data();
  encode_header(keys.run_id, fields, bytes);
  store_word(bytes + kMacOffset, header_mac(keys, bytes));
  fill_payload(payload_seed(keys, fields.lba, fields.generation), bytes + kHeaderSize);
}

void stamp_sectors(const StampKeys& keys, const StampFields& first, std::span<std::uint8_t> buffer) {
  StampFields fields = first;
  const std::size_t count = buffer.size() / kSectorSize;
  for (std::size_t i = 0; i < count; ++i) {
    stamp_sector(keys, fields, SectorSpan(buffer.data() + i * kSectorSize, kSectorSize));
    ++fields.lba;
  }
}

SectorHeader decode_header(ConstSectorSpan sector) {
  const std::uint8_t* bytes = sector.data();
  SectorHeader header;
  header.magic = load_word(bytes + 0);
  header.run_id = load_word(bytes + 8);
  header.lba = load_word(bytes + 16);
  header.generation = load_word(bytes + 24);
  header.write_id = load_word(bytes + 32);
  header.seq = load_word(bytes + 40);
  std::memcpy(&header.writer_id, bytes + 48, sizeof header.writer_id);
  header.version = bytes[52];
  header.block_shift = bytes[53];
  std::memcpy(&header.reserved, bytes + 54, sizeof header.reserved);
  header.mac = load_word(bytes + kMacOffset);
  return header;
}

bool header_authentic(const StampKeys& keys, ConstSectorSpan sector) {
  return load_word(sector.data() + kMacOffset) == header_mac(keys, sector.data());
}

bool sector_intact(const StampKeys& keys, ConstSectorSpan sector, std::uint64_t lba,
                   std::uint64_t min_generation, std::uint64_t max_generation) {
  const std::uint8_t* bytes = sector.data();
  const std::uint64_t generation = load_word(bytes + 24);
  // Cheap field checks first; the two SipHashes only run for a sector that could be intact.
  if (load_word(bytes) != kStampMagic || load_word(bytes + 8) != keys.run_id ||
      load_word(bytes + 16) != lba || generation < min_generation || generation > max_generation ||
      bytes[52] != kStampVersion || bytes[54] != 0 || bytes[55] != 0) {
    return false;
  }
  if (!header_authentic(keys, sector)) {
    return false;
  }
  return payload_equals(payload_seed(keys, lba, generation), bytes + kHeaderSize);
}

}  // namespace dextqual::integrity
