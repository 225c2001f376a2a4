// The transfer limits of a device under test, as every source publishes them, before any judgement.
// A limit the source does not publish is std::nullopt ("absent key means no limit", MACOS.md §2), never
// zero, so the checker can tell "unlimited" from "zero" (a zero E is its own failure: every I/O gets EIO).
// Sources: simdext's published constraints and DMA specification, the macOS IORegistry (ioreg -a) and
// DKIOCGETMAX* ioctls, Linux sysfs queue limits, and SCSI VPD Block Limits (B0h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dextqual::limits {

enum class Direction { read, write };
[[nodiscard]] const char* to_string(Direction direction);

// The registry keys that drive request splitting on macOS, for one direction (MACOS.md §2).
struct DirectionLimits {
  std::optional<std::uint64_t> max_byte_count;          // IOMaximumByteCount{Read,Write}
  std::optional<std::uint64_t> max_block_count;         // IOMaximumBlockCount{Read,Write}
  std::optional<std::uint64_t> max_segment_count;       // IOMaximumSegmentCount{Read,Write}
  std::optional<std::uint64_t> max_segment_byte_count;  // IOMaximumSegmentByteCount{Read,Write}
};

// What the block layer splits by: the controller's published constraints.
struct PublishedLimits {
  std::string source;  // e.g. "simdext constraints", "IORegistry (ioreg -a)", "DKIOCGETMAX*"
  DirectionLimits read;
  DirectionLimits write;
  std::optional<std::uint64_t> min_segment_alignment;     // IOMinimumSegmentAlignmentByteCount
  std::optional<std::uint64_t> segment_addressable_bits;  // IOMaximumSegmentAddressableBitCount
  std::optional<std::uint64_t> hba_data_alignment_mask;   // "HBA Data Alignment" (required, not published)

  [[nodiscard]] const DirectionLimits& of(Direction direction) const {
    return direction == Direction::read ? read : write;
  }
  [[nodiscard]] DirectionLimits& of(Direction direction) {
    return direction == Direction::read ? read : write;
  }
};

// What the DEXT answers in UserGetDMASpecification and UserReportMaximumTaskCount: never published
// in the registry, so only simdext (or the DEXT probe, or the vendor) can tell us.
struct DmaSpecification {
  std::optional<std::uint64_t> max_transfer_size;
  std::optional<std::uint64_t> alignment;
  std::optional<std::uint64_t> num_address_bits;
  std::optional<unsigned> segment_bits;  // 32 for the *32 segment types, 64 for the *64 ones
  std::optional<std::uint64_t> maximum_task_count;
};

// Linux block queue limits (/sys/block/<dev>/queue); sizes converted to bytes.
struct LinuxQueueLimits {
  std::string device;                         // e.g. "loop3"
  std::optional<std::uint64_t> max_hw_bytes;  // max_hw_sectors_kb * 1024
  std::optional<std::uint64_t> max_bytes;     // max_sectors_kb * 1024: where the block layer splits
  std::optional<std::uint64_t> max_segments;
  std::optional<std::uint64_t> max_segment_size;
  std::optional<std::uint64_t> logical_block_size;
  std::optional<std::uint64_t> physical_block_size;
  std::optional<std::uint64_t> dma_alignment;  // dma_alignment: buffer alignment mask O_DIRECT needs
  std::optional<std::string> write_cache;      // "write back" or "write through"
};

// SCSI Block Limits VPD page (SBC-4 6.6.4), in logical blocks; 0 in the page means "not reported".
struct VpdBlockLimits {
  std::optional<std::uint64_t> maximum_transfer_length;
  std::optional<std::uint64_t> optimal_transfer_length;
  std::optional<std::uint64_t> optimal_transfer_length_granularity;
};

// Every source gathered for one DUT. The checker works on whatever is present.
struct LimitsReport {
  std::uint64_t block_size = 512;
  std::uint64_t page_size = 4096;
  std::optional<PublishedLimits> published;  // simdext constraints or IORegistry
  std::optional<PublishedLimits> ioctl;      // DKIOCGETMAX* (macOS), compared with `published`
  std::optional<DmaSpecification> dma;
  std::optional<LinuxQueueLimits> linux_queue;
  std::optional<VpdBlockLimits> vpd;
  // True when the block queue in sysfs fronts a model (simdext's loop device over FUSE) rather than the
  // HBA driver's own queue: the Linux split size then says nothing about the SCSI device.
  bool queue_fronts_model = false;
  std::vector<std::string> notes;  // sources that could not be read, and why (not a failure)
};

}  // namespace dextqual::limits
