// The buffered size sweep: 64, 128, 256, 512 MiB and 1 GiB, capped by what fits. F1 flipped between
// 128 MB (always fine) and 256 MB (always corrupt), so every plan, quick included, has a size on each
// side of that step (the f1 profile's threshold is 160 MiB of dirty cache).
#pragma once

#include <cstdint>
#include <vector>

namespace dextqual::buffered {

inline constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// Sizes for a region of `room` bytes; quick keeps the pair around the F1 step (128 and 256 MiB).
[[nodiscard]] std::vector<std::uint64_t> buffered_sizes(std::uint64_t room, bool quick);

}  // namespace dextqual::buffered
