#include "block_host.h"

#include <algorithm>
#include <cerrno>

#include "big_endian.h"
#include "cdb.h"

namespace simdext {
namespace {

constexpr int kUnitAttentionRetries = 5;

bool is_unit_attention(const Response& r) {
  return r.fServiceResponse == ServiceResponse::task_complete &&
         r.fCompletionStatus == static_cast<uint32_t>(TaskStatus::check_condition) && r.fSenseLength > 2 &&
         (r.fSenseBuffer[2] & 0x0F) == static_cast<uint8_t>(SenseKey::unit_attention);
}

}  // namespace

BlockHost::BlockHost(Controller& controller, uint64_t target, uint64_t lun)
    : controller_(controller), target_(target), lun_(lun) {
  if (const LuConfig* lu = controller.profile().find_lu(target, lun)) {
    block_size_ = lu->block_size;
  }
}

uint64_t BlockHost::break_size(const ControllerConfig& config, bool write, uint32_t block_size) {
  const Constraints& c = config.constraints;
  uint64_t limit = UINT64_MAX;
  const auto& bytes = write ? c.max_byte_count_write : c.max_byte_count_read;
  const auto& blocks = write ? c.max_block_count_write : c.max_block_count_read;
  const auto& segments = write ? c.max_segment_count_write : c.max_segment_count_read;
  const auto& segment_bytes = write ? c.max_segment_byte_count_write : c.max_segment_byte_count_read;
  if (bytes && *bytes != 0) {
    limit = std::min(limit, *bytes);
  }
  if (blocks && *blocks != 0) {
    limit = std::min(limit, *blocks * block_size);
  }
  // With a system IOMMU every segment merges; a "segment" is a chunk of at most the segment byte
  // count, and the walk stops after the segment count.
  if (segments && *segments != 0 && segment_bytes && *segment_bytes != 0) {
    limit = std::min(limit, *segments * *segment_bytes);
  }
  if (limit == UINT64_MAX) {
    limit = 1ull << 30;  // no published limit: the model still bounds one task
  }
  return limit / block_size * block_size;
}

Response BlockHost::submit_cdb(std::span<const uint8_t> cdb, TransferDirection direction,
                               std::span<uint8_t> data) {
  Task task;
  task.fTargetID = target_;
  task.fLogicalUnitBytes = encode_lun(lun_);
  std::copy(cdb.begin(), cdb.end(), task.fCommandDescriptorBlock.begin());
  task.fCommandSize = static_cast<uint8_t>(cdb.size());
  task.fTransferDirection = direction;
  task.fRequestedTransferCount = data.size();
  task.fTimeoutInMilliSec = 0;  // the block path waits until completion or abort
  task.buffer = data;
  task.initiator = Initiator::host;
  Response r;
  for (int attempt = 0; attempt <= kUnitAttentionRetries; ++attempt) {
    r = controller_.process(task);
    if (!is_unit_attention(r)) {
      break;
    }
  }
  return r;
}

Response BlockHost::submit(uint8_t op, uint64_t lba, uint64_t blocks, TransferDirection direction,
                           std::span<uint8_t> data) {
  std::array<uint8_t, 16> cdb{};
  size_t size = 10;
  const bool fits_10 = lba + blocks <= 0x100000000ull && blocks <= 0xFFFF;
  if (fits_10) {
    cdb[0] = op == opcode::read_10 ? opcode::read_10 : opcode::write_10;
    be::put(&cdb[2], 4, lba);
    be::put(&cdb[7], 2, blocks);
  } else {
    cdb[0] = op == opcode::read_10 ? opcode::read_16 : opcode::write_16;
    be::put(&cdb[2], 8, lba);
    be::put(&cdb[10], 4, blocks);
    size = 16;
  }
  return submit_cdb(std::span<const uint8_t>(cdb.data(), size), direction, data);
}

ProbeResult BlockHost::probe() {
  ProbeResult result;
  std::array<uint8_t, 16> cdb{};
  // TEST UNIT READY until the power-on unit attention has been reported.
  Response r = submit_cdb(std::span<const uint8_t>(cdb.data(), 6), TransferDirection::none, {});
  if (!r.good()) {
    result.error = "TEST UNIT READY failed";
    return result;
  }
  std::array<uint8_t, 96> inquiry{};  // zero-filled like the host's buffers (F5 shows as zeros)
  cdb = {opcode::inquiry, 0, 0, 0, static_cast<uint8_t>(inquiry.size()), 0};
  r = submit_cdb(std::span<const uint8_t>(cdb.data(), 6), TransferDirection::target_to_host, inquiry);
  if (!r.good()) {
    result.error = "INQUIRY failed";
    return result;
  }
  std::array<uint8_t, 32> capacity{};
  cdb = {opcode::read_capacity_10};
  r = submit_cdb(std::span<const uint8_t>(cdb.data(), 10), TransferDirection::target_to_host,
                 std::span<uint8_t>(capacity.data(), 8));
  if (!r.good()) {
    result.error = "READ CAPACITY(10) failed";
    return result;
  }
  uint64_t last = be::get(capacity.data(), 4);
  uint32_t block_size = static_cast<uint32_t>(be::get(capacity.data() + 4, 4));
  if (last == 0xFFFFFFFFull) {
    capacity.fill(0);
    cdb = {opcode::service_action_in_16, opcode::read_capacity_16_action};
    be::put(&cdb[10], 4, capacity.size());
    r = submit_cdb(std::span<const uint8_t>(cdb.data(), 16), TransferDirection::target_to_host, capacity);
    if (!r.good()) {
      result.error = "READ CAPACITY(16) failed";
      return result;
    }
    last = be::get(capacity.data(), 8);
    block_size = static_cast<uint32_t>(be::get(capacity.data() + 8, 4));
  }
  if (block_size == 0) {  // nothing arrived: the disk shows up with 0 bytes (F5)
    result.capacity_blocks = 0;
    result.block_size = block_size_;
  } else {
    result.capacity_blocks = last + 1;
    result.block_size = block_size;
  }
  std::array<uint8_t, 64> mode{};
  cdb = {opcode::mode_sense_6, 0x08, 0x08, 0, static_cast<uint8_t>(mode.size()), 0};
  r = submit_cdb(std::span<const uint8_t>(cdb.data(), 6), TransferDirection::target_to_host, mode);
  if (r.good() && r.fBytesTransferred >= 4 + 3) {
    const size_t page = 4 + mode[3];
    result.write_cache = page + 2 < r.fBytesTransferred && (mode[page + 2] & 0x04) != 0;
  }
  capacity_blocks_ = result.capacity_blocks;
  write_cache_ = result.write_cache;
  return result;
}

int BlockHost::transfer(uint64_t offset, std::span<uint8_t> data, bool write) {
  if (offset % block_size_ != 0 || data.size() % block_size_ != 0) {
    return EINVAL;
  }
  const ControllerConfig& config = controller_.profile().controller;
  const uint64_t piece = break_size(config, write, block_size_);
  if (piece == 0) {
    return EIO;  // IOBreaker: kIOReturnDMAError
  }
  uint64_t lba = offset / block_size_;
  size_t done = 0;
  while (done < data.size()) {
    const size_t size = std::min<uint64_t>(piece, data.size() - done);
    if (size > config.max_transfer_size) {
      // IODMACommand::prepare() refuses the task: the DEXT never sees the command (F2).
      return EIO;
    }
    const uint64_t blocks = size / block_size_;
    Response r = submit(write ? opcode::write_10 : opcode::read_10, lba, blocks,
                        write ? TransferDirection::host_to_target : TransferDirection::target_to_host,
                        data.subspan(done, size));
    if (!r.good() || r.fBytesTransferred != size) {
      return EIO;  // SBC: anything other than TASK_COMPLETE + GOOD is EIO
    }
    done += size;
    lba += blocks;
  }
  return 0;
}

int BlockHost::read(uint64_t offset, std::span<uint8_t> out) { return transfer(offset, out, false); }

int BlockHost::write(uint64_t offset, std::span<const uint8_t> data) {
  // The controller reads data-out without writing it; the span is only non-const for the Task type.
  return transfer(offset, std::span<uint8_t>(const_cast<uint8_t*>(data.data()), data.size()), true);
}

int BlockHost::flush() {
  if (!write_cache_) {
    return 0;  // SBC: no SYNCHRONIZE CACHE when the write cache is off
  }
  std::array<uint8_t, 10> cdb{opcode::synchronize_cache_10};
  Response r = submit_cdb(cdb, TransferDirection::none, {});
  return r.good() ? 0 : EIO;
}

}  // namespace simdext
