// Expected state: what every LBA of the device should hold, kept as extents rather than per block so that
// memory follows the number of distinct write patterns, not the device size (FIO.md §5.6: fio keeps
// ~65 B per block, 17 GB per TiB at 4 KiB). Each extent maps an LBA range to an acceptable generation
// range floor..last: `last` is the newest generation ever issued there, `floor` the newest that must
// have survived (PERSISTENCE.md §3). Generation 0 means "what was there before this run". After a clean
// run floor == last; after a power cut anything from floor to last is legal, as long as it is whole.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/result.h"

namespace dextqual::integrity {

// A range of 512-byte sectors.
struct LbaRange {
  std::uint64_t first = 0;
  std::uint64_t count = 0;

  [[nodiscard]] std::uint64_t end() const { return first + count; }
  [[nodiscard]] bool contains(std::uint64_t lba) const { return lba >= first && lba < end(); }
  friend bool operator==(const LbaRange&, const LbaRange&) = default;
};

// The generations acceptable at an LBA: floor..last inclusive.
struct GenerationRange {
  std::uint64_t floor = 0;
  std::uint64_t last = 0;

  [[nodiscard]] bool contains(std::uint64_t generation) const {
    return generation >= floor && generation <= last;
  }
  friend bool operator==(const GenerationRange&, const GenerationRange&) = default;
};

struct Extent {
  LbaRange range;
  GenerationRange generations;
  friend bool operator==(const Extent&, const Extent&) = default;
};

// Whether a write has to be on the medium when it is verified.
enum class WriteState : std::uint8_t {
  in_flight,    // issued, not (yet) must-survive: may land or not (raises `last` only)
  must_survive  // acknowledged and durable by PERSISTENCE.md §3 (raises `floor` and `last`)
};

class ExpectedState {
 public:
  // Records a write of `generation` over `range`. Each LBA's history is totally ordered (no overlapping
  // writes in flight), so `generation` must exceed the last generation issued anywhere in the range;
  // otherwise the state is unchanged and an Error says where.
  [[nodiscard]] Status record_write(LbaRange range, std::uint64_t generation, WriteState state);

  // Raises the floor to `generation` where it is lower (a flush or FUA made that write durable). The
  // generation must have been issued: raising the floor above `last` is an Error.
  [[nodiscard]] Status raise_floor(LbaRange range, std::uint64_t generation);

  // Makes every issued write must-survive over `range` (floor = last), e.g. after a clean quiesce.
  void settle(LbaRange range);

  // The acceptable generations at one LBA ({0, 0} where this run never wrote).
  [[nodiscard]] GenerationRange at(std::uint64_t lba) const;

  // The smallest generation that `record_write` accepts over `range`: 1 + the newest issued there.
  [[nodiscard]] std::uint64_t next_generation(LbaRange range) const;

  // Extents covering `range` exactly, in LBA order, including never-written gaps as {0, 0}.
  [[nodiscard]] std::vector<Extent> extents(LbaRange range) const;
  // Every written extent (gaps omitted).
  [[nodiscard]] std::vector<Extent> all_extents() const;

  [[nodiscard]] std::size_t extent_count() const { return map_.size(); }
  // Heap bytes used by the extents, counting the red-black tree node overhead (4 words per node).
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  struct Node {
    std::uint64_t end;
    GenerationRange generations;
  };
  using Map = std::map<std::uint64_t, Node>;

  void split_at(std::uint64_t lba);
  // Applies `change` to every sector of `range` (gaps included as {0, 0}), then re-merges neighbours.
  template <class Change>
  void apply(LbaRange range, Change change);
  void coalesce(std::uint64_t first, std::uint64_t end);

  Map map_;
};

}  // namespace dextqual::integrity
