#include "cdb.h"

#include "big_endian.h"

namespace simdext {

std::optional<uint8_t> cdb_length_for(uint8_t op) {
  switch (op >> 5) {
    case 0:
      return 6;
    case 1:
    case 2:
      return 10;
    case 4:
      return 16;
    case 5:
      return 12;
    default:
      return std::nullopt;
  }
}

std::optional<BlockCommand> decode_block_command(std::span<const uint8_t> cdb) {
  if (cdb.empty()) {
    return std::nullopt;
  }
  const uint8_t* c = cdb.data();
  BlockCommand b;
  auto flags = [&] {
    b.protect = static_cast<uint8_t>(c[1] >> 5);
    b.dpo = (c[1] & 0x10) != 0;
    b.fua = (c[1] & 0x08) != 0;
  };
  switch (c[0]) {
    case opcode::read_6:
    case opcode::write_6:
      if (cdb.size() < 6) {
        return std::nullopt;
      }
      b.op = c[0] == opcode::read_6 ? BlockOp::read : BlockOp::write;
      b.lba = be::get(c + 1, 3) & 0x1FFFFF;
      b.blocks = c[4] == 0 ? 256 : c[4];  // SBC-3 5.8: 0 means 256 blocks
      return b;
    case opcode::read_10:
    case opcode::write_10:
    case opcode::verify_10:
      if (cdb.size() < 10) {
        return std::nullopt;
      }
      b.op = c[0] == opcode::read_10    ? BlockOp::read
             : c[0] == opcode::write_10 ? BlockOp::write
                                        : BlockOp::verify;
      flags();
      b.bytchk = static_cast<uint8_t>((c[1] >> 1) & 0x3);
      b.lba = be::get(c + 2, 4);
      b.blocks = be::get(c + 7, 2);
      if (b.op == BlockOp::verify) {
        b.fua = false;
      }
      return b;
    case opcode::read_12:
    case opcode::write_12:
      if (cdb.size() < 12) {
        return std::nullopt;
      }
      b.op = c[0] == opcode::read_12 ? BlockOp::read : BlockOp::write;
      flags();
      b.lba = be::get(c + 2, 4);
      b.blocks = be::get(c + 6, 4);
      return b;
    case opcode::read_16:
    case opcode::write_16:
    case opcode::verify_16:
      if (cdb.size() < 16) {
        return std::nullopt;
      }
      b.op = c[0] == opcode::read_16    ? BlockOp::read
             : c[0] == opcode::write_16 ? BlockOp::write
                                        : BlockOp::verify;
      flags();
      b.bytchk = static_cast<uint8_t>((c[1] >> 1) & 0x3);
      b.lba = be::get(c + 2, 8);
      b.blocks = be::get(c + 10, 4);
      if (b.op == BlockOp::verify) {
        b.fua = false;
      }
      return b;
    case opcode::synchronize_cache_10:
      if (cdb.size() < 10) {
        return std::nullopt;
      }
      b.op = BlockOp::synchronize_cache;
      b.immed = (c[1] & 0x02) != 0;
      b.lba = be::get(c + 2, 4);
      b.blocks = be::get(c + 7, 2);
      return b;
    case opcode::synchronize_cache_16:
      if (cdb.size() < 16) {
        return std::nullopt;
      }
      b.op = BlockOp::synchronize_cache;
      b.immed = (c[1] & 0x02) != 0;
      b.lba = be::get(c + 2, 8);
      b.blocks = be::get(c + 10, 4);
      return b;
    default:
      return std::nullopt;
  }
}

}  // namespace simdext
