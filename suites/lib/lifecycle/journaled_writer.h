// Stamped writes and flushes to the raw node, each logged in the integrity engine's write/flush journal
// (off the DUT, in the run's state directory) before it is issued and after it completes, so that
// the durability rule can later say what must have survived an eject, a reboot or a power cut
// (PERSISTENCE.md §3). A write may be FUA; a flush is fsync on the raw node (SYNCHRONIZE CACHE).
#pragma once

#include <cstdint>

#include "integrity/sector_stamp.h"
#include "integrity/write_journal.h"
#include "lifecycle/raw_block_io.h"

namespace dextqual::lifecycle {

class JournaledWriter {
 public:
  JournaledWriter(RawBlockDevice& device, integrity::WriteJournal& journal, const integrity::StampKeys& keys,
                  std::uint32_t sectors_per_block, std::uint64_t first_write_id = 1)
      : device_(device),
        journal_(journal),
        keys_(keys),
        sectors_per_block_(sectors_per_block),
        next_write_id_(first_write_id),
        next_flush_id_(first_write_id) {}

  // Writes `range` (512-byte sectors) as one command per `chunk_sectors`, all with `generation`.
  // A failed write is logged as failed and returned as the Error.
  [[nodiscard]] Status write(integrity::LbaRange range, std::uint64_t generation, WriteMode mode,
                             std::uint64_t chunk_sectors = 256);
  [[nodiscard]] Status flush();

  // Write ids are unique within one journal: a second writer on the same journal starts elsewhere.
  [[nodiscard]] std::uint64_t next_write_id() const { return next_write_id_; }

 private:
  RawBlockDevice& device_;
  integrity::WriteJournal& journal_;
  integrity::StampKeys keys_;
  std::uint32_t sectors_per_block_;
  std::uint64_t next_write_id_ = 1;
  std::uint64_t next_flush_id_ = 1;
};

// Writes zeros over `range` and flushes (not journaled: generation 0 is "before this run").
[[nodiscard]] Status zero_fill(RawBlockDevice& device, integrity::LbaRange range);

}  // namespace dextqual::lifecycle
