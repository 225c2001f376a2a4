// CDB decoding as a target does it (SPC-4 4.2, SBC-3 5.x): opcodes the model implements and the
// LBA/length/flag fields of the block commands. simdext's own reading of the standard.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace simdext {

namespace opcode {
inline constexpr uint8_t test_unit_ready = 0x00;
inline constexpr uint8_t request_sense = 0x03;
inline constexpr uint8_t read_6 = 0x08;
inline constexpr uint8_t write_6 = 0x0A;
inline constexpr uint8_t inquiry = 0x12;
inline constexpr uint8_t mode_select_6 = 0x15;
inline constexpr uint8_t mode_sense_6 = 0x1A;
inline constexpr uint8_t start_stop_unit = 0x1B;
inline constexpr uint8_t prevent_allow_medium_removal = 0x1E;
inline constexpr uint8_t read_capacity_10 = 0x25;
inline constexpr uint8_t read_10 = 0x28;
inline constexpr uint8_t write_10 = 0x2A;
inline constexpr uint8_t verify_10 = 0x2F;
inline constexpr uint8_t synchronize_cache_10 = 0x35;
inline constexpr uint8_t mode_select_10 = 0x55;
inline constexpr uint8_t mode_sense_10 = 0x5A;
inline constexpr uint8_t read_16 = 0x88;
inline constexpr uint8_t write_16 = 0x8A;
inline constexpr uint8_t verify_16 = 0x8F;
inline constexpr uint8_t synchronize_cache_16 = 0x91;
inline constexpr uint8_t service_action_in_16 = 0x9E;
inline constexpr uint8_t report_luns = 0xA0;
inline constexpr uint8_t read_12 = 0xA8;
inline constexpr uint8_t write_12 = 0xAA;
inline constexpr uint8_t read_capacity_16_action = 0x10;  // SERVICE ACTION IN(16) action
}  // namespace opcode

// CDB length implied by the group code (bits 7..5 of the opcode); nullopt for reserved and
// vendor-specific groups.
[[nodiscard]] std::optional<uint8_t> cdb_length_for(uint8_t op);

enum class BlockOp { read, write, verify, synchronize_cache };

struct BlockCommand {
  BlockOp op = BlockOp::read;
  uint64_t lba = 0;
  uint64_t blocks = 0;  // 0 means 0, except READ/WRITE(6) where the CDB's 0 already became 256
  bool fua = false;
  bool dpo = false;
  bool immed = false;   // SYNCHRONIZE CACHE
  uint8_t protect = 0;  // RDPROTECT / WRPROTECT / VRPROTECT
  uint8_t bytchk = 0;   // VERIFY
};

// The block commands: READ/WRITE(6/10/12/16), VERIFY(10/16), SYNCHRONIZE CACHE(10/16).
[[nodiscard]] std::optional<BlockCommand> decode_block_command(std::span<const uint8_t> cdb);

}  // namespace simdext
