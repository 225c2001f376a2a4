// Command descriptor blocks, built from SPC-4/SBC-3 field layouts. A Cdb is plain bytes plus a name
// for failure messages; builders take the fields a test varies and leave reserved bytes zero, so
// a test that wants a malformed CDB edits the bytes afterwards (cdb.bytes[1] |= ...).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace dextqual::scsi {

namespace opcode {
inline constexpr uint8_t kTestUnitReady = 0x00;
inline constexpr uint8_t kRequestSense = 0x03;
inline constexpr uint8_t kRead6 = 0x08;
inline constexpr uint8_t kWrite6 = 0x0A;
inline constexpr uint8_t kInquiry = 0x12;
inline constexpr uint8_t kModeSense6 = 0x1A;
inline constexpr uint8_t kReadCapacity10 = 0x25;
inline constexpr uint8_t kRead10 = 0x28;
inline constexpr uint8_t kWrite10 = 0x2A;
inline constexpr uint8_t kSynchronizeCache10 = 0x35;
inline constexpr uint8_t kModeSense10 = 0x5A;
inline constexpr uint8_t kRead16 = 0x88;
inline constexpr uint8_t kWrite16 = 0x8A;
inline constexpr uint8_t kSynchronizeCache16 = 0x91;
inline constexpr uint8_t kServiceActionIn16 = 0x9E;  // READ CAPACITY(16) is service action 10h
inline constexpr uint8_t kReportLuns = 0xA0;
inline constexpr uint8_t kRead12 = 0xA8;
inline constexpr uint8_t kWrite12 = 0xAA;
}  // namespace opcode

struct Cdb {
  std::array<uint8_t, 16> bytes{};
  uint8_t size = 6;
  std::string name;  // "INQUIRY(EVPD=1, page 83h, alloc 255)": what a failure message shows

  [[nodiscard]] std::span<const uint8_t> view() const { return {bytes.data(), size}; }
  [[nodiscard]] uint8_t opcode() const { return bytes[0]; }
  // "INQUIRY(...) [12 01 83 00 ff 00]": name and bytes, so a report reproduces the command.
  [[nodiscard]] std::string describe() const;
};

// Any bytes (unknown opcodes, deliberately malformed commands).
[[nodiscard]] Cdb raw_cdb(std::span<const uint8_t> bytes, std::string name);

[[nodiscard]] Cdb test_unit_ready();
[[nodiscard]] Cdb request_sense(uint8_t allocation_length, bool descriptor_format = false);
[[nodiscard]] Cdb inquiry(uint16_t allocation_length);
[[nodiscard]] Cdb inquiry_vpd(uint8_t page_code, uint16_t allocation_length);
[[nodiscard]] Cdb read_capacity10();
[[nodiscard]] Cdb read_capacity16(uint32_t allocation_length = 32);
[[nodiscard]] Cdb report_luns(uint32_t allocation_length, uint8_t select_report = 0);

enum class PageControl : uint8_t { current = 0, changeable = 1, default_values = 2, saved = 3 };
struct ModeSenseFields {
  uint8_t page_code = 0x3F;  // 3Fh: all pages
  uint8_t subpage_code = 0;
  PageControl page_control = PageControl::current;
  bool disable_block_descriptors = false;
  uint16_t allocation_length = 255;
};
[[nodiscard]] Cdb mode_sense6(const ModeSenseFields& fields);
[[nodiscard]] Cdb mode_sense10(const ModeSenseFields& fields);

// READ/WRITE in the four sizes. Fields that do not fit the chosen size are truncated exactly as
// the CDB would carry them; callers that test limits check `fits()` first.
enum class CdbSize : uint8_t { six = 6, ten = 10, twelve = 12, sixteen = 16 };
struct ReadWriteFields {
  uint64_t lba = 0;
  uint32_t blocks = 1;
  bool fua = false;
  bool dpo = false;
};
[[nodiscard]] bool fits(CdbSize size, uint64_t lba, uint32_t blocks);
[[nodiscard]] Cdb read(CdbSize size, const ReadWriteFields& fields);
[[nodiscard]] Cdb write(CdbSize size, const ReadWriteFields& fields);

[[nodiscard]] Cdb synchronize_cache10(uint32_t lba, uint16_t blocks, bool immed);
[[nodiscard]] Cdb synchronize_cache16(uint64_t lba, uint32_t blocks, bool immed);

[[nodiscard]] std::string to_string(CdbSize size);

}  // namespace dextqual::scsi
