// The sweep plan and verdicts of misalignment_plan.h.
#include "rawio/misalignment_plan.h"

#include <unistd.h>

#include <cerrno>

namespace dextqual::rawio {

std::vector<std::size_t> block_aligned_page_offsets(std::uint64_t block, std::uint64_t page) {
  std::vector<std::size_t> offsets;
  if (block == 0 || block >= page) {
    return offsets;
  }
  const std::uint64_t last = (page - 1) / block;  // the largest k with k * block < page
  for (std::uint64_t k : {std::uint64_t{1}, std::uint64_t{2}, (last + 1) / 2, last}) {
    const std::uint64_t offset = k * block;
    if (k == 0 || k > last || offset % page == 0) {
      continue;
    }
    if (offsets.empty() || offsets.back() < offset) {
      offsets.push_back(static_cast<std::size_t>(offset));
    }
  }
  return offsets;
}

std::uint64_t page_size() {
  const long size = ::sysconf(_SC_PAGESIZE);
  return size > 0 ? static_cast<std::uint64_t>(size) : 4096;
}

ByteMisalignedResult judge_byte_misaligned(const CheckedTransfer& transfer) {
  if (transfer.write.error_number == EINVAL) {
    return {ByteMisalignedVerdict::refused_by_platform,
            "the platform refused the 1-byte-misaligned buffer with EINVAL before the driver was "
            "involved: the driver was not exercised"};
  }
  if (transfer.passed()) {
    return {ByteMisalignedVerdict::verified, "accepted, and every sector read back as written"};
  }
  return {ByteMisalignedVerdict::failed, "the platform accepted a 1-byte-misaligned buffer, then " +
                                             transfer.failed_step() + ": " + transfer.failure()};
}

}  // namespace dextqual::rawio
