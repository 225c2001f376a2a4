// What the misaligned-buffer tests can honestly claim. A "block-aligned but not page-aligned" buffer
// exists only when the logical block is smaller than the page: on a 4096-byte-block DUT with 4 KiB
// pages there is none, and a sweep over nothing must say so (skip) instead of passing. A buffer one
// byte off is refused by the platform (EINVAL) before the driver sees it on Linux and macOS O_DIRECT
// raw nodes: that proves nothing about the driver, so it is reported as not exercised, never as a pass.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rawio/checked_transfer.h"

namespace dextqual::rawio {

// Buffer offsets into a page that are multiples of the block and not of the page: at most four
// (the first, the second, the middle and the last), empty when block >= page.
[[nodiscard]] std::vector<std::size_t> block_aligned_page_offsets(std::uint64_t block, std::uint64_t page);

// The platform's page size (sysconf), the unit a driver maps user buffers in.
[[nodiscard]] std::uint64_t page_size();

enum class ByteMisalignedVerdict {
  refused_by_platform,  // EINVAL on the write: the driver was never involved
  verified,             // accepted, and every sector read back as written
  failed,               // accepted, and something went wrong: the driver moved or lost data
};

struct ByteMisalignedResult {
  ByteMisalignedVerdict verdict = ByteMisalignedVerdict::failed;
  std::string text;  // the reason, for the skip or the failure message
};

[[nodiscard]] ByteMisalignedResult judge_byte_misaligned(const CheckedTransfer& transfer);

}  // namespace dextqual::rawio
