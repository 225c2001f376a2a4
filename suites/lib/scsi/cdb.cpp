#include "scsi/cdb.h"

#include <cstdio>

#include "scsi/big_endian.h"

namespace dextqual::scsi {
namespace {

Cdb make(uint8_t size, uint8_t op, std::string name) {
  Cdb cdb;
  cdb.size = size;
  cdb.bytes[0] = op;
  cdb.name = std::move(name);
  return cdb;
}

std::span<uint8_t> mutable_view(Cdb& cdb) { return {cdb.bytes.data(), cdb.size}; }

std::string hex(uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "%llXh", static_cast<unsigned long long>(value));
  return text;
}

// DPO is bit 4 and FUA bit 3 of byte 1 in READ/WRITE(10/12/16) (SBC-3 5.8, 5.10, 5.11).
uint8_t dpo_fua(const ReadWriteFields& fields) {
  return static_cast<uint8_t>((fields.dpo ? 0x10 : 0) | (fields.fua ? 0x08 : 0));
}

Cdb read_write(CdbSize size, const ReadWriteFields& fields, bool is_write) {
  static constexpr uint8_t kReads[] = {opcode::kRead6, opcode::kRead10, opcode::kRead12, opcode::kRead16};
  static constexpr uint8_t kWrites[] = {opcode::kWrite6, opcode::kWrite10, opcode::kWrite12,
                                        opcode::kWrite16};
  const int index = size == CdbSize::six ? 0 : size == CdbSize::ten ? 1 : size == CdbSize::twelve ? 2 : 3;
  std::string name = std::string(is_write ? "WRITE(" : "READ(") + to_string(size) + ", LBA " +
                     hex(fields.lba) + ", " + std::to_string(fields.blocks) + " blocks" +
                     (fields.fua ? ", FUA" : "") + (fields.dpo ? ", DPO" : "") + ")";
  Cdb cdb = make(static_cast<uint8_t>(size), is_write ? kWrites[index] : kReads[index], std::move(name));
  auto bytes = mutable_view(cdb);
  switch (size) {
    case CdbSize::six:
      // 21-bit LBA; TRANSFER LENGTH 0 means 256 blocks (SBC-3 5.7), so 256 is encoded as 0.
      put_be(bytes, 1, 3, fields.lba & 0x1FFFFF);
      bytes[4] = static_cast<uint8_t>(fields.blocks & 0xFF);
      break;
    case CdbSize::ten:
      bytes[1] = dpo_fua(fields);
      put_be(bytes, 2, 4, fields.lba);
      put_be(bytes, 7, 2, fields.blocks);
      break;
    case CdbSize::twelve:
      bytes[1] = dpo_fua(fields);
      put_be(bytes, 2, 4, fields.lba);
      put_be(bytes, 6, 4, fields.blocks);
      break;
    case CdbSize::sixteen:
      bytes[1] = dpo_fua(fields);
      put_be(bytes, 2, 8, fields.lba);
      put_be(bytes, 10, 4, fields.blocks);
      break;
  }
  return cdb;
}

Cdb mode_sense(bool ten, const ModeSenseFields& f) {
  std::string name = std::string(ten ? "MODE SENSE(10" : "MODE SENSE(6") + ", page " + hex(f.page_code) +
                     (f.subpage_code != 0 ? "/" + hex(f.subpage_code) : "") +
                     ", PC=" + std::to_string(static_cast<int>(f.page_control)) +
                     (f.disable_block_descriptors ? ", DBD" : "") + ", alloc " +
                     std::to_string(f.allocation_length) + ")";
  Cdb cdb = make(ten ? 10 : 6, ten ? opcode::kModeSense10 : opcode::kModeSense6, std::move(name));
  auto bytes = mutable_view(cdb);
  bytes[1] = f.disable_block_descriptors ? 0x08 : 0;
  bytes[2] = static_cast<uint8_t>((static_cast<uint8_t>(f.page_control) << 6) | (f.page_code & 0x3F));
  bytes[3] = f.subpage_code;
  if (ten) {
    put_be(bytes, 7, 2, f.allocation_length);
  } else {
    bytes[4] = static_cast<uint8_t>(f.allocation_length);
  }
  return cdb;
}

}  // namespace

std::string Cdb::describe() const {
  std::string text = name + " [";
  char byte[4];
  for (uint8_t i = 0; i < size; ++i) {
    std::snprintf(byte, sizeof byte, i == 0 ? "%02x" : " %02x", bytes[i]);
    text += byte;
  }
  return text + "]";
}

std::string to_string(CdbSize size) { return std::to_string(static_cast<int>(size)); }

Cdb raw_cdb(std::span<const uint8_t> bytes, std::string name) {
  Cdb cdb;
  cdb.size = static_cast<uint8_t>(bytes.size() > 16 ? 16 : bytes.size());
  for (uint8_t i = 0; i < cdb.size; ++i) {
    cdb.bytes[i] = bytes[i];
  }
  cdb.name = std::move(name);
  return cdb;
}

Cdb test_unit_ready() { return make(6, opcode::kTestUnitReady, "TEST UNIT READY"); }

Cdb request_sense(uint8_t allocation_length, bool descriptor_format) {
  Cdb cdb = make(6, opcode::kRequestSense,
                 "REQUEST SENSE(" + std::string(descriptor_format ? "DESC=1, " : "") + "alloc " +
                     std::to_string(allocation_length) + ")");
  cdb.bytes[1] = descriptor_format ? 1 : 0;
  cdb.bytes[4] = allocation_length;
  return cdb;
}

Cdb inquiry(uint16_t allocation_length) {
  Cdb cdb = make(6, opcode::kInquiry, "INQUIRY(standard, alloc " + std::to_string(allocation_length) + ")");
  put_be(mutable_view(cdb), 3, 2, allocation_length);
  return cdb;
}

Cdb inquiry_vpd(uint8_t page_code, uint16_t allocation_length) {
  Cdb cdb = make(6, opcode::kInquiry,
                 "INQUIRY(VPD " + hex(page_code) + ", alloc " + std::to_string(allocation_length) + ")");
  cdb.bytes[1] = 0x01;  // EVPD
  cdb.bytes[2] = page_code;
  put_be(mutable_view(cdb), 3, 2, allocation_length);
  return cdb;
}

Cdb read_capacity10() { return make(10, opcode::kReadCapacity10, "READ CAPACITY(10)"); }

Cdb read_capacity16(uint32_t allocation_length) {
  Cdb cdb = make(16, opcode::kServiceActionIn16,
                 "READ CAPACITY(16, alloc " + std::to_string(allocation_length) + ")");
  cdb.bytes[1] = 0x10;  // SERVICE ACTION: READ CAPACITY(16) (SBC-3 5.16)
  put_be(mutable_view(cdb), 10, 4, allocation_length);
  return cdb;
}

Cdb report_luns(uint32_t allocation_length, uint8_t select_report) {
  Cdb cdb =
      make(12, opcode::kReportLuns,
           "REPORT LUNS(select " + hex(select_report) + ", alloc " + std::to_string(allocation_length) + ")");
  cdb.bytes[2] = select_report;
  put_be(mutable_view(cdb), 6, 4, allocation_length);
  return cdb;
}

Cdb mode_sense6(const ModeSenseFields& fields) { return mode_sense(false, fields); }
Cdb mode_sense10(const ModeSenseFields& fields) { return mode_sense(true, fields); }

bool fits(CdbSize size, uint64_t lba, uint32_t blocks) {
  switch (size) {
    case CdbSize::six:
      return lba <= 0x1FFFFF && blocks >= 1 && blocks <= 256;
    case CdbSize::ten:
      return lba <= 0xFFFFFFFFull && blocks <= 0xFFFF;
    case CdbSize::twelve:
      return lba <= 0xFFFFFFFFull;
    case CdbSize::sixteen:
      return true;
  }
  return false;
}

Cdb read(CdbSize size, const ReadWriteFields& fields) { return read_write(size, fields, false); }
Cdb write(CdbSize size, const ReadWriteFields& fields) { return read_write(size, fields, true); }

Cdb synchronize_cache10(uint32_t lba, uint16_t blocks, bool immed) {
  Cdb cdb = make(10, opcode::kSynchronizeCache10,
                 "SYNCHRONIZE CACHE(10, LBA " + hex(lba) + ", " + std::to_string(blocks) + " blocks" +
                     (immed ? ", IMMED" : "") + ")");
  cdb.bytes[1] = immed ? 0x02 : 0;
  put_be(mutable_view(cdb), 2, 4, lba);
  put_be(mutable_view(cdb), 7, 2, blocks);
  return cdb;
}

Cdb synchronize_cache16(uint64_t lba, uint32_t blocks, bool immed) {
  Cdb cdb = make(16, opcode::kSynchronizeCache16,
                 "SYNCHRONIZE CACHE(16, LBA " + hex(lba) + ", " + std::to_string(blocks) + " blocks" +
                     (immed ? ", IMMED" : "") + ")");
  cdb.bytes[1] = immed ? 0x02 : 0;
  put_be(mutable_view(cdb), 2, 8, lba);
  put_be(mutable_view(cdb), 10, 4, blocks);
  return cdb;
}

}  // namespace dextqual::scsi
