// The unit of work between the simulated block layer (or the control-socket pass-through) and the
// simulated controller: DriverKit's SCSIUserParallelTask and SCSIUserParallelResponse, with the
// field names and enum values of SCSIControllerDriverKit (MACOS.md §1), reduced to the fields the
// model uses. The data buffer stands for fBufferIOVMAddr: host memory the controller "DMAs" into.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace simdext {

// fTransferDirection (kSCSIDataTransfer_*).
enum class TransferDirection : uint8_t { none = 0, host_to_target = 1, target_to_host = 2 };

// fServiceResponse (kSCSIServiceResponse_*).
enum class ServiceResponse : uint32_t {
  request_in_process = 0,
  service_delivery_or_target_failure = 1,
  task_complete = 2,
  link_command_complete = 3,
  function_complete = 4,
  function_rejected = 5,
};

// fCompletionStatus with TASK_COMPLETE: SCSI status (kSCSITaskStatus_*).
enum class TaskStatus : uint32_t {
  good = 0x00,
  check_condition = 0x02,
  busy = 0x08,
  reservation_conflict = 0x18,
  task_set_full = 0x28,
};

// fCompletionStatus with SERVICE_DELIVERY_OR_TARGET_FAILURE: the delivery failure.
enum class DeliveryFailure : uint32_t {
  task_timeout = 1,
  protocol_timeout = 2,
  device_not_responding = 3,
  device_not_present = 4,
  delivery_failure = 5,
};

// Who sent the task. Unit attentions are kept per I_T nexus, and the two initiators are two
// nexuses: the simulated host OS (block device) and the tester (pass-through).
enum class Initiator : uint8_t { host = 0, passthrough = 1 };
inline constexpr int kInitiatorCount = 2;

struct Task {
  uint64_t fTargetID = 0;
  std::array<uint8_t, 8> fLogicalUnitBytes{};  // SAM LUN; single-level LUN n is bytes {0, n, 0...}
  std::array<uint8_t, 16> fCommandDescriptorBlock{};
  uint8_t fCommandSize = 0;
  TransferDirection fTransferDirection = TransferDirection::none;
  uint64_t fRequestedTransferCount = 0;
  uint32_t fTimeoutInMilliSec = 0;
  uint64_t fControllerTaskIdentifier = 0;
  std::span<uint8_t> buffer;  // fBufferIOVMAddr: fRequestedTransferCount bytes of host memory
  Initiator initiator = Initiator::host;
};

struct Response {
  uint64_t fTargetID = 0;
  uint64_t fControllerTaskIdentifier = 0;
  uint32_t fCompletionStatus = 0;
  ServiceResponse fServiceResponse = ServiceResponse::task_complete;
  uint64_t fBytesTransferred = 0;
  uint8_t fSenseLength = 0;
  std::array<uint8_t, 256> fSenseBuffer{};
  // Not a DriverKit field: how many bytes of data-in actually reached the host buffer from
  // offset 0. Equal to fBytesTransferred unless a fault lost the DMA (F5).
  uint64_t dma_bytes = 0;

  [[nodiscard]] bool good() const {
    return fServiceResponse == ServiceResponse::task_complete &&
           fCompletionStatus == static_cast<uint32_t>(TaskStatus::good);
  }
};

// Builds the 8-byte single-level LUN (SAM-5 peripheral device addressing, 0..255) or flat (256..16383).
[[nodiscard]] std::array<uint8_t, 8> encode_lun(uint64_t lun);
// The LUN a task addresses; UINT64_MAX when the format is not one the model supports.
[[nodiscard]] uint64_t decode_lun(const std::array<uint8_t, 8>& bytes);

}  // namespace simdext
