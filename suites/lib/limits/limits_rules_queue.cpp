// The Linux equivalents of MACOS.md §2: the block layer splits at max_sectors_kb (as IOBreaker splits
// at E), max_sectors_kb may not exceed what the driver can do (max_hw_sectors_kb), and the device's own
// Block Limits VPD (B0h) MAXIMUM TRANSFER LENGTH must not be below the split size, or a request the
// block layer sends whole is refused by the device (ILLEGAL REQUEST -> EIO): F2's shape on Linux.
#include <bit>
#include <string>
#include <utility>

#include "limits/limits_rules.h"

namespace dextqual::limits::detail {
namespace {

void check_queue(const LimitsReport& report, Analysis& analysis) {
  const LinuxQueueLimits& q = *report.linux_queue;
  const std::string dev = q.device.empty() ? std::string("the block queue") : q.device;
  if (q.max_bytes) {
    analysis.advertised.push_back(*q.max_bytes);
  }
  if (q.max_hw_bytes) {
    analysis.advertised.push_back(*q.max_hw_bytes);
  }
  if (q.max_segment_size) {
    analysis.advertised.push_back(*q.max_segment_size);
  }
  if (q.max_bytes && q.max_hw_bytes && *q.max_bytes > *q.max_hw_bytes) {
    add(analysis, "linux-1", Severity::error,
        dev + ": max_sectors_kb (" + format_bytes(*q.max_bytes) + ") exceeds max_hw_sectors_kb (" +
            format_bytes(*q.max_hw_bytes) + "): requests above the hardware limit reach the driver whole");
    analysis.predicted_failures.push_back(
        {Direction::read, *q.max_hw_bytes, *q.max_bytes, "max_sectors_kb above max_hw_sectors_kb"});
    analysis.predicted_failures.push_back(
        {Direction::write, *q.max_hw_bytes, *q.max_bytes, "max_sectors_kb above max_hw_sectors_kb"});
  }
  if (q.max_bytes && *q.max_bytes < report.block_size) {
    add(analysis, "linux-2", Severity::error,
        dev + ": max_sectors_kb (" + format_bytes(*q.max_bytes) + ") is below the logical block size");
  } else if (q.max_bytes && *q.max_bytes < report.page_size) {
    add(analysis, "linux-2", Severity::warning,
        dev + ": max_sectors_kb (" + format_bytes(*q.max_bytes) + ") is below the page size");
  }
  if (q.max_segment_size && *q.max_segment_size < report.page_size) {
    add(analysis, "linux-3", Severity::warning,
        dev + ": max_segment_size " + format_bytes(*q.max_segment_size) + " is below the page size");
  }
  if (q.max_segments && q.max_segment_size && q.max_bytes &&
      *q.max_segments * *q.max_segment_size < *q.max_bytes) {
    add(analysis, "linux-3", Severity::info,
        dev + ": max_segments x max_segment_size (" + format_bytes(*q.max_segments * *q.max_segment_size) +
            ") binds before max_sectors_kb for scattered buffers");
  }
  if (q.logical_block_size) {
    if (!std::has_single_bit(*q.logical_block_size) || *q.logical_block_size != report.block_size) {
      add(analysis, "linux-4", Severity::error,
          dev + ": logical_block_size " + std::to_string(*q.logical_block_size) +
              " differs from the DUT's block size " + std::to_string(report.block_size));
    }
    if (q.physical_block_size && *q.physical_block_size < *q.logical_block_size) {
      add(analysis, "linux-4", Severity::error,
          dev + ": physical_block_size " + std::to_string(*q.physical_block_size) +
              " is below logical_block_size " + std::to_string(*q.logical_block_size));
    }
  }
}

void check_vpd(const LimitsReport& report, Analysis& analysis) {
  const VpdBlockLimits& vpd = *report.vpd;
  const std::uint64_t b = report.block_size;
  if (vpd.maximum_transfer_length && *vpd.maximum_transfer_length != 0) {
    const std::uint64_t mtl = *vpd.maximum_transfer_length * b;
    analysis.advertised.push_back(mtl);
    if (report.linux_queue && report.queue_fronts_model) {
      add(analysis, "linux-5", Severity::info,
          "max_sectors_kb of " + report.linux_queue->device +
              " is the simulator's loop device, not the HBA's queue: not compared with VPD B0h");
    } else if (report.linux_queue && report.linux_queue->max_bytes && *report.linux_queue->max_bytes > mtl) {
      const std::string split = format_bytes(*report.linux_queue->max_bytes);
      add(analysis, "linux-5", Severity::error,
          "VPD B0h MAXIMUM TRANSFER LENGTH " + format_bytes(mtl) + " < max_sectors_kb " + split +
              ": requests between " + format_bytes(mtl) + " and " + split +
              " are sent whole and refused by the device (EIO) instead of being split");
      for (Direction d : {Direction::read, Direction::write}) {
        analysis.predicted_failures.push_back(
            {d, mtl, *report.linux_queue->max_bytes, "above the device's VPD B0h MAXIMUM TRANSFER LENGTH"});
      }
    }
    for (const auto& [direction, effective] : {std::pair{Direction::read, analysis.effective_read},
                                               std::pair{Direction::write, analysis.effective_write}}) {
      if (effective && effective->bytes > mtl) {
        // Whether macOS's SBC driver caps requests at B0h is unconfirmed (MACOS.md §6): a warning.
        add(analysis, "vpd-1", Severity::warning,
            std::string("effective published ") + to_string(direction) + " limit E = " +
                format_bytes(effective->bytes) + " exceeds the device's VPD B0h MAXIMUM TRANSFER LENGTH " +
                format_bytes(mtl) + ": requests between them may be refused by the device");
      }
    }
    if (vpd.optimal_transfer_length && *vpd.optimal_transfer_length > *vpd.maximum_transfer_length) {
      add(analysis, "linux-6", Severity::warning,
          "VPD B0h OPTIMAL TRANSFER LENGTH exceeds MAXIMUM TRANSFER LENGTH");
    }
  }
  if (vpd.optimal_transfer_length && vpd.optimal_transfer_length_granularity &&
      *vpd.optimal_transfer_length_granularity != 0 &&
      *vpd.optimal_transfer_length % *vpd.optimal_transfer_length_granularity != 0) {
    add(analysis, "linux-6", Severity::warning,
        "VPD B0h OPTIMAL TRANSFER LENGTH is not a multiple of its granularity");
  }
}

}  // namespace

void apply_queue_rules(const LimitsReport& report, Analysis& analysis) {
  if (report.linux_queue) {
    check_queue(report, analysis);
  }
  if (report.vpd) {
    check_vpd(report, analysis);
  }
}

}  // namespace dextqual::limits::detail
