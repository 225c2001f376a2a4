// MACOS.md §2 checker rules 1-5, per direction, on the published constraints and the DMA specification.
#include <bit>
#include <string>
#include <string_view>

#include "limits/limits_rules.h"

namespace dextqual::limits::detail {
namespace {

std::string dir_name(Direction d) { return to_string(d); }

void add_advertised(Analysis& analysis, const DirectionLimits& limits, std::uint64_t block_size) {
  for (const auto& value : {limits.max_byte_count, limits.max_segment_byte_count}) {
    if (value && *value != 0) {
      analysis.advertised.push_back(*value);
    }
  }
  if (limits.max_block_count && *limits.max_block_count != 0) {
    analysis.advertised.push_back(*limits.max_block_count * block_size);
  }
}

// Rules 1 and 2: E against the block size, the page, diskutil's wipe and maxTransferSize.
void check_effective(const LimitsReport& report, Analysis& analysis, Direction d) {
  const PublishedLimits& published = *report.published;
  const std::uint64_t b = report.block_size;
  const auto effective = effective_limit(published.of(d), b, d);
  (d == Direction::read ? analysis.effective_read : analysis.effective_write) = effective;
  // A flag and a plain value rather than a copied std::optional: GCC 12 at -O2 raises a false
  // -Wmaybe-uninitialized on the optional's payload, which -Werror in CI turns into a build failure.
  const bool max_transfer_known = report.dma && report.dma->max_transfer_size.has_value();
  const std::uint64_t max_transfer = max_transfer_known ? *report.dma->max_transfer_size : 0;

  if (effective) {
    analysis.advertised.push_back(effective->bytes);
    if (effective->bytes < b) {
      add(analysis, "macOS-2", Severity::error,
          "effective published " + dir_name(d) + " limit E = " + format_bytes(effective->bytes) +
              " (bound by " + effective->bound_by + ") is below the block size " + format_bytes(b) +
              ": IOBreaker's break size rounds to 0, so every " + dir_name(d) + " fails with EIO");
      analysis.predicted_failures.push_back(
          {d, 0, std::nullopt, "E rounds to 0 blocks (kIOReturnDMAError -> EIO) for every request"});
      return;
    }
    if (effective->bytes < report.page_size) {
      add(analysis, "macOS-2", Severity::warning,
          "effective published " + dir_name(d) + " limit E = " + format_bytes(effective->bytes) +
              " is below the kernel page " + format_bytes(report.page_size));
    }
    if (d == Direction::write && effective->bytes < 128 * 1024) {
      add(analysis, "macOS-2", Severity::warning,
          "effective published write limit E = " + format_bytes(effective->bytes) +
              " is below 128 KiB: diskutil's wipe writes 128 KiB chunks (F3)");
    }
  }

  if (!max_transfer_known) {
    add(analysis, "macOS-1", Severity::info,
        "maxTransferSize is not known for this DUT (only simdext or the DEXT probe report it): rule 1 "
        "(E <= maxTransferSize) is not checked for " +
            dir_name(d) + "s");
    return;
  }
  analysis.advertised.push_back(max_transfer);
  if (effective && effective->bytes <= max_transfer) {
    return;
  }
  // F2: the block layer splits by E only; a piece above maxTransferSize reaches IODMACommand::prepare()
  // whole, which refuses it (kIOReturnNoSpace), and the task fails with EIO instead of being split.
  const std::string m = format_bytes(max_transfer);
  std::string message;
  std::optional<std::uint64_t> up_to;
  if (effective) {
    const std::string e = format_bytes(effective->bytes);
    message = "maxTransferSize " + m + " < effective published " + dir_name(d) + " limit E = " + e +
              " (bound by " + effective->bound_by + "): " + dir_name(d) + " requests between " + m + " and " +
              e + " fail with EIO instead of being split (F2); larger requests are split into " + e +
              " pieces that fail the same way";
  } else {
    message = "maxTransferSize " + m + " but the controller publishes no " + dir_name(d) +
              " limit (E unbounded): " + dir_name(d) + " requests above " + m +
              " fail with EIO instead of being split (F2)";
  }
  // Only simdext's description gives maxTransferSize (a DEXT answers it in UserGetDMASpecification and
  // publishes it nowhere): said so, so nobody takes the rule for one a real device is checked by. On
  // hardware F2 is diagnosed from the transfers instead (limits_ceiling.h).
  constexpr std::string_view kSimdextOnly =
      " [simdext only: a real DEXT does not publish its DMA specification]";
  add(analysis, "macOS-1", Severity::error, message + std::string(kSimdextOnly));
  analysis.predicted_failures.push_back(
      {d, max_transfer, up_to,
       "maxTransferSize " + m + " < published " + dir_name(d) + " limit " +
           (effective ? format_bytes(effective->bytes) : std::string("(none)")) +
           ": not split by the block layer, refused by the DMA setup (EIO)" + std::string(kSimdextOnly)});
}

// Rule 3: segment alignment and segment byte counts.
void check_segments(const LimitsReport& report, Analysis& analysis) {
  const PublishedLimits& published = *report.published;
  if (const auto& align = published.min_segment_alignment) {
    if (!std::has_single_bit(*align)) {
      add(analysis, "macOS-3", Severity::error,
          "IOMinimumSegmentAlignmentByteCount " + std::to_string(*align) + " is not a power of two");
    } else if (*align > report.page_size) {
      add(analysis, "macOS-3", Severity::error,
          "IOMinimumSegmentAlignmentByteCount " + format_bytes(*align) + " exceeds the kernel page " +
              format_bytes(report.page_size));
    }
    if (report.dma && report.dma->alignment && *report.dma->alignment != 0 &&
        *align % *report.dma->alignment != 0) {
      add(analysis, "macOS-3", Severity::error,
          "IOMinimumSegmentAlignmentByteCount " + std::to_string(*align) +
              " is not a multiple of the DMA alignment " + std::to_string(*report.dma->alignment));
    }
  }
  for (Direction d : {Direction::read, Direction::write}) {
    const auto& seg = published.of(d).max_segment_byte_count;
    if (!seg) {
      continue;
    }
    if (*seg % report.block_size != 0) {
      add(analysis, "macOS-3", Severity::error,
          "IOMaximumSegmentByteCount" + std::string(d == Direction::read ? "Read " : "Write ") +
              std::to_string(*seg) + " is not a multiple of the block size " +
              format_bytes(report.block_size));
    }
    if (*seg < report.page_size) {
      add(analysis, "macOS-3", Severity::warning,
          "IOMaximumSegmentByteCount" + std::string(d == Direction::read ? "Read " : "Write ") +
              format_bytes(*seg) + " is below the kernel page " + format_bytes(report.page_size));
    }
  }
}

// Rules 4 and 5: address bits, segment type, HBA data alignment mask, task count.
void check_addressing(const LimitsReport& report, Analysis& analysis) {
  const PublishedLimits& published = *report.published;
  const std::uint64_t page_shift = static_cast<std::uint64_t>(std::countr_zero(report.page_size));
  const auto& bits = published.segment_addressable_bits;
  if (bits && *bits != 0 && *bits < 64 && *bits < page_shift) {
    add(analysis, "macOS-4", Severity::error,
        "IOMaximumSegmentAddressableBitCount " + std::to_string(*bits) + " is below PAGE_SHIFT " +
            std::to_string(page_shift));
  }
  if (!report.dma) {
    return;
  }
  const DmaSpecification& dma = *report.dma;
  if (bits && dma.num_address_bits && *bits != *dma.num_address_bits) {
    add(analysis, "macOS-4", Severity::error,
        "IOMaximumSegmentAddressableBitCount " + std::to_string(*bits) +
            " differs from the DMA numAddressBits " + std::to_string(*dma.num_address_bits));
  }
  if (dma.segment_bits && *dma.segment_bits == 32 && dma.num_address_bits && *dma.num_address_bits > 32) {
    add(analysis, "macOS-4", Severity::error,
        "a *32 DMA segment type with numAddressBits " + std::to_string(*dma.num_address_bits) +
            " > 32: IODMACommand returns kIOReturnBadArgument, so every transfer fails");
    for (Direction d : {Direction::read, Direction::write}) {
      analysis.predicted_failures.push_back({d, 0, std::nullopt, "*32 segment type with > 32 address bits"});
    }
  }
  if (!published.hba_data_alignment_mask) {
    add(analysis, "macOS-5", Severity::error,
        "'HBA Data Alignment' is missing from the HBA constraints: the kernel dereferences NULL and panics");
  } else if (dma.num_address_bits && *dma.num_address_bits < 64 &&
             (*published.hba_data_alignment_mask >> *dma.num_address_bits) != 0) {
    add(analysis, "macOS-5", Severity::error,
        "'HBA Data Alignment' mask does not fit in numAddressBits " + std::to_string(*dma.num_address_bits));
  }
  if (dma.maximum_task_count && *dma.maximum_task_count == 0) {
    add(analysis, "macOS-5", Severity::error,
        "UserReportMaximumTaskCount is 0: the controller does not load");
  }
}

}  // namespace

void apply_registry_rules(const LimitsReport& report, Analysis& analysis) {
  if (!report.published) {
    return;
  }
  for (Direction d : {Direction::read, Direction::write}) {
    add_advertised(analysis, report.published->of(d), report.block_size);
    check_effective(report, analysis, d);
  }
  check_segments(report, analysis);
  check_addressing(report, analysis);
}

}  // namespace dextqual::limits::detail
