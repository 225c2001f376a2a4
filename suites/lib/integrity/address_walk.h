// The address-bit walk (issue 13 §3): one stamped block at LBA 0, 1 and at 2^k-1, 2^k, 2^k+1 for
// every LBA bit k of the device, all written (highest LBA first) before any is read back. A driver that
// truncates, masks or sign-extends the address aliases a high LBA onto a low one; because the low LBA
// is written last, the high one then reads back the stamp of the low one (a truncated read or write),
// or its own write never arrives (stale). This file plans the walk, classifies what one walked block
// read back, and turns the findings into a message that names the bit ("LBA 2^32 (bit 32) read back
// the stamp of LBA 0: the address is truncated to 32 bits"). Transport-free: the rawio and scsi suites
// do the I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "integrity/sector_classifier.h"
#include "integrity/sector_stamp.h"

namespace dextqual::integrity {

struct WalkPoint {
  std::uint64_t lba = 0;  // in logical blocks
  unsigned bit = 0;       // the k of 2^k this LBA probes (0 for LBAs 0 and 1)
};

// Every walk point below `blocks` and below `limit` (exclusive: what a CDB size can address), plus
// the last LBA below both, ascending and without duplicates.
[[nodiscard]] std::vector<WalkPoint> plan_address_walk(std::uint64_t blocks,
                                                       std::uint64_t limit = UINT64_MAX);

// "2^32", "2^32-1", "2^32+1" for the walk's LBAs above 7, else the decimal number.
[[nodiscard]] std::string spell_lba(std::uint64_t lba);

// One walked block that did not read back its own stamp.
struct AliasFinding {
  WalkPoint point;
  SectorClass kind = SectorClass::garbage;
  std::optional<std::uint64_t> found_lba;  // logical block whose stamp came back (misdirected)
  std::string error;                       // the write or read failed: how
  [[nodiscard]] std::string describe() const;
};

// Stamp fields for the walk's block at `lba`: write_id = lba, so every block is unique.
[[nodiscard]] StampFields walk_stamp(std::uint64_t lba, std::uint64_t generation, std::uint32_t block_size);

// Classifies the block read back at `point` (block_size bytes) against `generation`; empty if intact.
[[nodiscard]] std::optional<AliasFinding> check_walk_block(const StampKeys& keys, WalkPoint point,
                                                           std::span<const std::uint8_t> block,
                                                           std::uint64_t generation);

// What the findings say about the address path: "the address is truncated to 32 bits", "the address
// loses bit 31", "writes from bit 32 up do not arrive where they are addressed", ...
// `walked`: every point of the walk (a truncation fails all of them from 2^b up, a mask only some).
[[nodiscard]] std::string diagnose_address_walk(const std::vector<AliasFinding>& findings,
                                                const std::vector<WalkPoint>& walked);

// The failure message: the lowest failing LBA with the diagnosis ("LBA 2^32 (bit 32) read back the
// stamp of LBA 0: the address is truncated to 32 bits"), then one line per finding (at most `max_lines`).
[[nodiscard]] std::string summarize_address_walk(const std::vector<AliasFinding>& findings,
                                                 const std::vector<WalkPoint>& walked,
                                                 std::size_t max_lines = 24);

}  // namespace dextqual::integrity
