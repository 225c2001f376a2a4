// One SCSI logical unit (PDT 0, SBC-3 direct-access block device): media, a write cache, mode
// pages, VPD pages, unit-attention state per I_T nexus, and the command set SCSI-CHECKLIST.md
// lists, answered as a conforming target answers. Thread-safe: one lock per LU.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cdb.h"
#include "config.h"
#include "media.h"
#include "sense.h"
#include "task.h"
#include "write_cache.h"

namespace simdext {

// How faults bend the execution of one command (see fault_rules.h for each action).
struct CommandQuirks {
  bool pin = false;
  uint64_t tear_sectors = UINT64_MAX;
  bool stale = false;
  int64_t misdirect = 0;
  uint32_t lba_bits = 64;  // truncate_lba: the LBA of a read or write keeps only its low bits
  bool destage_read_hits = false;
  bool drop_cache = false;
  bool ignore_flush = false;
};

struct Completion {
  TaskStatus status = TaskStatus::good;
  std::optional<SenseCondition> sense;
  uint64_t bytes = 0;    // data-in delivered to the buffer or data-out consumed from it
  bool overrun = false;  // the host buffer or direction cannot carry the command's data
  bool flushed = false;  // a cache flush completed (starts a new flush epoch)

  static Completion check(SenseCondition condition) {
    Completion c;
    c.status = TaskStatus::check_condition;
    c.sense = condition;
    return c;
  }
};

class LogicalUnit {
 public:
  [[nodiscard]] static std::expected<std::unique_ptr<LogicalUnit>, std::string> create(
      const LuConfig& config, uint64_t target_id, const std::string& media_path);

  [[nodiscard]] Completion execute(std::span<const uint8_t> cdb, TransferDirection direction,
                                   std::span<uint8_t> buffer, Initiator initiator,
                                   const CommandQuirks& quirks);

  // Queues a unit attention for every I_T nexus (power on, reset, medium change...).
  void add_unit_attention(const SenseCondition& condition);
  [[nodiscard]] bool unit_attention_pending(Initiator initiator) const;
  // Destages every unpinned cached write (a clean shutdown, eject or SYNCHRONIZE CACHE).
  void flush();
  // Power lost: the volatile cache is gone (a protected cache is destaged first).
  void power_cut();
  void drop_cache();
  // Destages cached data on its own (a real controller's background destage).
  void destage_some(uint64_t target_dirty_bytes);
  [[nodiscard]] uint64_t dirty_bytes() const;
  [[nodiscard]] uint64_t flush_epoch() const { return flush_epoch_.load(); }
  [[nodiscard]] const LuConfig& config() const { return config_; }
  [[nodiscard]] bool volatile_cache() const {
    return config_.cache == CacheMode::volatile_cache && write_cache_enabled_;
  }
  [[nodiscard]] std::string wwn_hex() const;

 private:
  LogicalUnit(const LuConfig& config, uint64_t target_id, Media media);

  Completion read_write(const BlockCommand& cmd, std::span<const uint8_t> cdb, TransferDirection direction,
                        std::span<uint8_t> buffer, const CommandQuirks& quirks);
  Completion verify(const BlockCommand& cmd, std::span<uint8_t> buffer, TransferDirection direction);
  Completion synchronize_cache(const BlockCommand& cmd, const CommandQuirks& quirks);
  Completion inquiry(std::span<const uint8_t> cdb, std::span<uint8_t> buffer);
  Completion vpd_page(uint8_t page, std::vector<uint8_t>& out);
  Completion mode_sense(std::span<const uint8_t> cdb, std::span<uint8_t> buffer);
  Completion mode_select(std::span<const uint8_t> cdb, TransferDirection direction, std::span<uint8_t> buffer,
                         Initiator initiator);
  Completion request_sense(std::span<const uint8_t> cdb, std::span<uint8_t> buffer, Initiator initiator);
  Completion read_capacity_10(std::span<const uint8_t> cdb, std::span<uint8_t> buffer);
  Completion read_capacity_16(std::span<const uint8_t> cdb, std::span<uint8_t> buffer);
  Completion start_stop(std::span<const uint8_t> cdb);
  Completion prevent_allow(std::span<const uint8_t> cdb);
  bool write_media(uint64_t lba, std::span<const uint8_t> data);
  void flush_locked();

  // Copies min(allocation, data, buffer) bytes of a data-in response.
  static Completion data_in(const std::vector<uint8_t>& data, uint64_t allocation, std::span<uint8_t> buffer);

  LuConfig config_;
  uint64_t target_id_;
  Media media_;
  mutable std::mutex mutex_;
  WriteCache cache_;
  std::array<std::deque<SenseCondition>, kInitiatorCount> unit_attentions_;
  bool write_cache_enabled_ = true;
  bool stopped_ = false;
  bool medium_present_ = true;
  bool prevent_removal_ = false;
  std::atomic<uint64_t> flush_epoch_{0};
};

}  // namespace simdext
