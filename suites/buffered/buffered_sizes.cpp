#include "buffered/buffered_sizes.h"

namespace dextqual::buffered {

std::vector<std::uint64_t> buffered_sizes(std::uint64_t room, bool quick) {
  std::vector<std::uint64_t> sizes;
  const std::vector<std::uint64_t> plan =
      quick ? std::vector<std::uint64_t>{128, 256} : std::vector<std::uint64_t>{64, 128, 256, 512, 1024};
  for (std::uint64_t mib : plan) {
    if (mib * kMiB <= room) {
      sizes.push_back(mib * kMiB);
    }
  }
  return sizes;
}

}  // namespace dextqual::buffered
