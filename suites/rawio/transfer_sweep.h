// The raw transfer-size sweep: which sizes and where. Powers of two from one block to 16 MiB, odd
// multiples of the block size (they defeat power-of-two fast paths), and one block below, at and above
// each advertised limit (F2 hides exactly between two powers of two when a limit is not one); at the
// start, the middle and the end of the device. --quick keeps every power of two and every boundary,
// and drops the odd multiples beyond the small ones and the middle position.
#pragma once

#include <cstdint>
#include <vector>

namespace dextqual::rawio {

inline constexpr std::uint64_t kMaxSweepBytes = std::uint64_t{16} << 20;

struct SweepPlan {
  std::vector<std::uint64_t> sizes;    // ascending, unique, multiples of the block size
  std::vector<std::uint64_t> offsets;  // byte offsets of the positions, filled per size by offsets_for
};

// Sizes for a device of `capacity` bytes with logical block `block`, including `boundaries`.
[[nodiscard]] std::vector<std::uint64_t> sweep_sizes(std::uint64_t block, std::uint64_t capacity,
                                                     const std::vector<std::uint64_t>& boundaries,
                                                     bool quick);

// Byte offsets to place a transfer of `size`: start, (middle,) end; block- and 4 KiB-aligned where room
// allows, deduplicated. Empty when the transfer does not fit.
[[nodiscard]] std::vector<std::uint64_t> sweep_offsets(std::uint64_t block, std::uint64_t capacity,
                                                       std::uint64_t size, bool quick);

}  // namespace dextqual::rawio
