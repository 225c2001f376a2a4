// Streaming stamped data to a file or block device and verifying it back, at full speed: chunks of
// `chunk_bytes` (one pwrite/pread each) are stamped or verified on `threads` workers, each with its own
// 4 KiB-aligned buffer, so the same loop works on descriptors opened with O_DIRECT. Verification
// merges every chunk's findings, in LBA order, into one report; a chunk that cannot be read is re-read
// block by block so that only the LBAs that really fail are reported unreadable.
//
// LBAs here are 512-byte sectors from the start of `fd` (multiply a 4Kn device's LBAs by 8). The
// caller owns the expected state: after `write_stamped` succeeds, record the write (or log it through
// `journal` and let the durability rule decide).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "integrity/expected_state.h"
#include "integrity/sector_stamp.h"
#include "integrity/sector_verifier.h"

namespace dextqual::integrity {

class WriteJournal;

struct StreamOptions {
  unsigned threads = 1;
  std::size_t chunk_bytes = std::size_t{1} << 20;  // bytes per I/O; a multiple of the logical block size
  std::uint32_t sectors_per_block = 1;             // logical block size / 512 (stamped into every sector)
  std::uint32_t writer_id = 0;
  std::uint64_t first_write_id = 1;  // chunk i of this call is write id first_write_id + i
  WriteJournal* journal = nullptr;   // when set, every write's submission and completion are logged
};

struct WriteSummary {
  std::uint64_t sectors = 0;
  std::uint64_t writes = 0;  // write ids first_write_id .. first_write_id + writes - 1 were used
};

// Stamps `range` with `generation` and writes it to `fd`.
[[nodiscard]] Result<WriteSummary> write_stamped(int fd, const StampKeys& keys, LbaRange range,
                                                 std::uint64_t generation, const StreamOptions& options);

// Reads `range` back from `fd` and verifies every sector against `state`.
[[nodiscard]] Result<VerifyReport> verify_range(int fd, const StampKeys& keys, LbaRange range,
                                                const ExpectedState& state, const StreamOptions& options,
                                                const VerifyOptions& verify = {});

}  // namespace dextqual::integrity
