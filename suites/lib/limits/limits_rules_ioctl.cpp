// MACOS.md §2 rule 6: DKIOCGETMAX* must equal the nearest-ancestor registry values (0 = absent).
// A mismatch means userspace tools (dd, diskutil) size their I/O by other numbers than the block layer.
#include <string>

#include "limits/limits_rules.h"

namespace dextqual::limits::detail {
namespace {

void compare(Analysis& analysis, const std::string& key, const std::optional<std::uint64_t>& registry,
             const std::optional<std::uint64_t>& ioctl) {
  if (registry.value_or(0) == ioctl.value_or(0)) {
    return;
  }
  auto show = [](const std::optional<std::uint64_t>& v) {
    return v ? std::to_string(*v) : std::string("absent");
  };
  add(analysis, "macOS-6", Severity::error,
      key + ": IORegistry says " + show(registry) + ", the DKIOCGETMAX* ioctl says " + show(ioctl));
}

}  // namespace

void apply_ioctl_rules(const LimitsReport& report, Analysis& analysis) {
  if (!report.published || !report.ioctl) {
    return;
  }
  const PublishedLimits& reg = *report.published;
  const PublishedLimits& io = *report.ioctl;
  for (Direction d : {Direction::read, Direction::write}) {
    const std::string s = d == Direction::read ? "Read" : "Write";
    compare(analysis, "IOMaximumByteCount" + s, reg.of(d).max_byte_count, io.of(d).max_byte_count);
    compare(analysis, "IOMaximumBlockCount" + s, reg.of(d).max_block_count, io.of(d).max_block_count);
    compare(analysis, "IOMaximumSegmentCount" + s, reg.of(d).max_segment_count, io.of(d).max_segment_count);
    compare(analysis, "IOMaximumSegmentByteCount" + s, reg.of(d).max_segment_byte_count,
            io.of(d).max_segment_byte_count);
  }
  compare(analysis, "IOMinimumSegmentAlignmentByteCount", reg.min_segment_alignment,
          io.min_segment_alignment);
  compare(analysis, "IOMaximumSegmentAddressableBitCount", reg.segment_addressable_bits,
          io.segment_addressable_bits);
}

}  // namespace dextqual::limits::detail
