#include "logical_unit.h"

#include <algorithm>
#include <cstring>

#include "big_endian.h"

namespace simdext {

std::expected<std::unique_ptr<LogicalUnit>, std::string> LogicalUnit::create(const LuConfig& config,
                                                                             uint64_t target_id,
                                                                             const std::string& media_path) {
  auto media = Media::open(media_path, config.block_size, config.capacity_blocks);
  if (!media) {
    return std::unexpected(media.error());
  }
  return std::unique_ptr<LogicalUnit>(new LogicalUnit(config, target_id, std::move(*media)));
}

LogicalUnit::LogicalUnit(const LuConfig& config, uint64_t target_id, Media media)
    : config_(config),
      target_id_(target_id),
      media_(std::move(media)),
      cache_(config.block_size),
      write_cache_enabled_(config.write_cache_enabled) {
  // SPC-4 6.x: a logical unit reports POWER ON, RESET, OR BUS DEVICE RESET OCCURRED after power on.
  add_unit_attention(sense::power_on_reset());
}

void LogicalUnit::add_unit_attention(const SenseCondition& condition) {
  std::lock_guard lock(mutex_);
  for (auto& queue : unit_attentions_) {
    if (std::find(queue.begin(), queue.end(), condition) == queue.end()) {
      queue.push_back(condition);
    }
  }
}

bool LogicalUnit::unit_attention_pending(Initiator initiator) const {
  std::lock_guard lock(mutex_);
  return !unit_attentions_[static_cast<size_t>(initiator)].empty();
}

uint64_t LogicalUnit::dirty_bytes() const {
  std::lock_guard lock(mutex_);
  return cache_.dirty_bytes();
}

bool LogicalUnit::write_media(uint64_t lba, std::span<const uint8_t> data) { return media_.write(lba, data); }

void LogicalUnit::flush_locked() {
  cache_.destage_all([this](uint64_t lba, std::span<const uint8_t> data) { (void)write_media(lba, data); });
}

void LogicalUnit::flush() {
  std::lock_guard lock(mutex_);
  flush_locked();
  ++flush_epoch_;
}

void LogicalUnit::power_cut() {
  std::lock_guard lock(mutex_);
  if (config_.cache == CacheMode::protected_cache) {
    flush_locked();  // a battery- or flash-backed cache survives
    return;
  }
  cache_.power_cut([this](uint64_t lba, std::span<const uint8_t> data) { (void)write_media(lba, data); });
}

void LogicalUnit::drop_cache() {
  std::lock_guard lock(mutex_);
  cache_.drop_all();
}

void LogicalUnit::destage_some(uint64_t target_dirty_bytes) {
  std::lock_guard lock(mutex_);
  cache_.destage_until(target_dirty_bytes,
                       [this](uint64_t lba, std::span<const uint8_t> data) { (void)write_media(lba, data); });
}

Completion LogicalUnit::data_in(const std::vector<uint8_t>& data, uint64_t allocation,
                                std::span<uint8_t> buffer) {
  Completion c;
  const size_t n = std::min<uint64_t>({data.size(), allocation, buffer.size()});
  std::copy_n(data.data(), n, buffer.data());  // memcpy of 0 bytes into an empty span is UB (null pointer)
  c.bytes = n;
  return c;
}

Completion LogicalUnit::execute(std::span<const uint8_t> cdb, TransferDirection direction,
                                std::span<uint8_t> buffer, Initiator initiator, const CommandQuirks& quirks) {
  std::lock_guard lock(mutex_);
  const uint8_t op = cdb[0];
  const auto needed = cdb_length_for(op);
  if (needed && cdb.size() < *needed) {
    return Completion::check(sense::invalid_field_in_cdb(0));
  }
  // SPC-4 5.14 (SAM-5 5.14): a pending unit attention is reported instead of executing the command,
  // except for INQUIRY and REQUEST SENSE (REPORT LUNS is answered by the controller).
  auto& attentions = unit_attentions_[static_cast<size_t>(initiator)];
  if (op != opcode::inquiry && op != opcode::request_sense && !attentions.empty()) {
    SenseCondition ua = attentions.front();
    attentions.pop_front();
    return Completion::check(ua);
  }
  switch (op) {
    case opcode::inquiry:
      return inquiry(cdb, buffer);
    case opcode::request_sense:
      return request_sense(cdb, buffer, initiator);
    case opcode::test_unit_ready:
      if (!medium_present_) {
        return Completion::check(sense::medium_not_present());
      }
      if (stopped_) {
        return Completion::check({SenseKey::not_ready, 0x04, 0x02, {}, {}});
      }
      return {};
    case opcode::mode_sense_6:
    case opcode::mode_sense_10:
      return mode_sense(cdb, buffer);
    case opcode::mode_select_6:
    case opcode::mode_select_10:
      return mode_select(cdb, direction, buffer, initiator);
    case opcode::read_capacity_10:
      return read_capacity_10(cdb, buffer);
    case opcode::service_action_in_16:
      if ((cdb[1] & 0x1F) != opcode::read_capacity_16_action) {
        return Completion::check(sense::invalid_field_in_cdb(1, 4));
      }
      return read_capacity_16(cdb, buffer);
    case opcode::start_stop_unit:
      return start_stop(cdb);
    case opcode::prevent_allow_medium_removal:
      return prevent_allow(cdb);
    default:
      break;
  }
  const auto block = decode_block_command(cdb);
  if (!block) {
    return Completion::check(sense::invalid_opcode());
  }
  if (!medium_present_) {
    return Completion::check(sense::medium_not_present());
  }
  if (stopped_) {
    return Completion::check({SenseKey::not_ready, 0x04, 0x02, {}, {}});
  }
  switch (block->op) {
    case BlockOp::read:
    case BlockOp::write:
      return read_write(*block, cdb, direction, buffer, quirks);
    case BlockOp::verify:
      return verify(*block, buffer, direction);
    case BlockOp::synchronize_cache:
      return synchronize_cache(*block, quirks);
  }
  return Completion::check(sense::invalid_opcode());
}

Completion LogicalUnit::read_write(const BlockCommand& requested, std::span<const uint8_t> cdb,
                                   TransferDirection direction, std::span<uint8_t> buffer,
                                   const CommandQuirks& quirks) {
  const uint64_t capacity = config_.capacity_blocks;
  // truncate_lba: the driver dropped the high LBA bits while building the CDB, so the device checks
  // and acts on the truncated address (the high LBA aliases a low one).
  BlockCommand cmd = requested;
  if (quirks.lba_bits < 64) {
    cmd.lba &= (uint64_t{1} << quirks.lba_bits) - 1;
  }
  if (cmd.protect != 0 && cdb[0] != opcode::read_6 && cdb[0] != opcode::write_6) {
    // SBC-3 5.x: RDPROTECT/WRPROTECT other than 0 on a LU without protection information.
    return Completion::check(sense::invalid_field_in_cdb(1, 7));
  }
  if (cmd.lba >= capacity || cmd.blocks > capacity - cmd.lba) {
    return Completion::check(sense::lba_out_of_range());
  }
  if (config_.max_transfer_blocks != 0 && cmd.blocks > config_.max_transfer_blocks) {
    const uint16_t length_byte = cdb[0] == opcode::read_16 || cdb[0] == opcode::write_16   ? 10
                                 : cdb[0] == opcode::read_12 || cdb[0] == opcode::write_12 ? 6
                                                                                           : 7;
    return Completion::check(sense::invalid_field_in_cdb(length_byte));
  }
  const uint64_t bytes = cmd.blocks * config_.block_size;
  if (bytes == 0) {
    return {};
  }
  const bool is_read = cmd.op == BlockOp::read;
  const TransferDirection wanted =
      is_read ? TransferDirection::target_to_host : TransferDirection::host_to_target;
  if (direction != wanted || buffer.size() < bytes) {
    Completion c;
    c.overrun = true;
    return c;
  }
  uint64_t lba = cmd.lba;
  if (quirks.misdirect != 0) {
    const int64_t moved = static_cast<int64_t>(lba) + quirks.misdirect;
    lba = static_cast<uint64_t>(std::clamp<int64_t>(moved, 0, static_cast<int64_t>(capacity - cmd.blocks)));
  }
  std::span<uint8_t> data = buffer.first(bytes);
  Completion done;
  done.bytes = bytes;
  if (is_read) {
    if (!media_.read(lba, data)) {
      return Completion::check({SenseKey::medium_error, 0x11, 0x00, {}, {}});
    }
    if (!quirks.stale) {
      cache_.overlay(lba, data);
    }
    if (quirks.destage_read_hits && cache_.intersects(lba, cmd.blocks)) {
      cache_.destage_range(lba, cmd.blocks,
                           [this](uint64_t at, std::span<const uint8_t> d) { (void)write_media(at, d); });
    }
    return done;
  }
  const bool cached = config_.cache != CacheMode::none &&
                      (write_cache_enabled_ || config_.cache == CacheMode::protected_cache);
  // A full cache streams the write through to the media instead of evicting older data for it
  // (what RAID controllers do for sequential streams); the durability is only ever stronger.
  const bool full = cache_.dirty_bytes() + bytes > config_.cache_bytes;
  const bool through = !quirks.pin && (!cached || cmd.fua || full);
  if (through) {
    cache_.discard(lba, cmd.blocks);
    if (!write_media(lba, data)) {
      return Completion::check({SenseKey::medium_error, 0x0C, 0x00, {}, {}});
    }
  } else {
    cache_.insert(lba, data, quirks.pin, quirks.tear_sectors);
    if (cache_.dirty_bytes() > config_.cache_bytes) {  // destage under pressure, oldest first
      cache_.destage_until(config_.cache_bytes,
                           [this](uint64_t at, std::span<const uint8_t> d) { (void)write_media(at, d); });
    }
  }
  if (quirks.drop_cache) {
    cache_.drop_all();
  }
  return done;
}

Completion LogicalUnit::verify(const BlockCommand& cmd, std::span<uint8_t> buffer,
                               TransferDirection direction) {
  const uint64_t capacity = config_.capacity_blocks;
  if (cmd.protect != 0) {
    return Completion::check(sense::invalid_field_in_cdb(1, 7));
  }
  if (cmd.bytchk == 2) {
    return Completion::check(sense::invalid_field_in_cdb(1, 2));
  }
  if (cmd.lba >= capacity || cmd.blocks > capacity - cmd.lba) {
    return Completion::check(sense::lba_out_of_range());
  }
  if (cmd.bytchk == 0 || cmd.blocks == 0) {
    return {};  // medium verification: the model's media never fails
  }
  // BYTCHK 01b: compare blocks*B bytes; 11b: one block compared against every block.
  const uint64_t out_bytes = cmd.bytchk == 1 ? cmd.blocks * config_.block_size : config_.block_size;
  if (direction != TransferDirection::host_to_target || buffer.size() < out_bytes) {
    Completion c;
    c.overrun = true;
    return c;
  }
  std::vector<uint8_t> current(config_.block_size);
  for (uint64_t i = 0; i < cmd.blocks; ++i) {
    if (!media_.read(cmd.lba + i, current)) {
      return Completion::check({SenseKey::medium_error, 0x11, 0x00, {}, {}});
    }
    cache_.overlay(cmd.lba + i, current);
    const uint8_t* expected = buffer.data() + (cmd.bytchk == 1 ? i * config_.block_size : 0);
    if (std::memcmp(current.data(), expected, config_.block_size) != 0) {
      Completion c = Completion::check(sense::miscompare_during_verify());
      c.bytes = out_bytes;
      return c;
    }
  }
  Completion c;
  c.bytes = out_bytes;
  return c;
}

Completion LogicalUnit::synchronize_cache(const BlockCommand& cmd, const CommandQuirks& quirks) {
  const uint64_t capacity = config_.capacity_blocks;
  if (cmd.lba >= capacity || cmd.blocks > capacity - cmd.lba) {
    return Completion::check(sense::lba_out_of_range());
  }
  Completion c;
  if (quirks.drop_cache) {
    // drop_cache on a flush discards the dirty data instead of destaging it: dropped after a
    // completed flush, it would have nothing left to drop (a fault that never acts).
    cache_.drop_all();
    return c;
  }
  if (!quirks.ignore_flush) {
    // SBC-3 5.22: the range may be widened; flushing everything is conforming. IMMED=1 may
    // return before the flush ends; the model's flush is synchronous, which is also conforming.
    flush_locked();
    ++flush_epoch_;
    c.flushed = true;
  }
  return c;
}

Completion LogicalUnit::start_stop(std::span<const uint8_t> cdb) {
  const bool start = (cdb[4] & 0x01) != 0;
  const bool load_eject = (cdb[4] & 0x02) != 0;
  const uint8_t power_condition = static_cast<uint8_t>(cdb[4] >> 4);
  if (power_condition != 0) {
    return {};  // power conditions: accepted, no state change in the model
  }
  if (!start) {
    flush_locked();  // SBC-3 5.25: the device writes its cache before it stops
    ++flush_epoch_;
    if (load_eject && config_.removable) {
      if (prevent_removal_) {
        return Completion::check(sense::removal_prevented());
      }
      medium_present_ = false;
    }
    stopped_ = true;
    return {};
  }
  if (load_eject && config_.removable) {
    medium_present_ = true;
  }
  stopped_ = false;
  return {};
}

Completion LogicalUnit::prevent_allow(std::span<const uint8_t> cdb) {
  prevent_removal_ = (cdb[4] & 0x03) != 0;
  return {};
}

}  // namespace simdext
