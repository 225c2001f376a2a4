// The command trace: every task the controller received, with its outcome, timestamps and flush
// epoch, queryable since a mark. Bounded: the oldest entries fall off a ring.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "task.h"

namespace simdext {

struct TraceEntry {
  uint64_t seq = 0;
  uint64_t t_ns = 0;  // submission, CLOCK_REALTIME
  uint64_t duration_ns = 0;
  uint64_t target = 0, lun = 0;
  std::vector<uint8_t> cdb;
  TransferDirection direction = TransferDirection::none;
  uint64_t requested = 0;
  uint64_t bytes_transferred = 0;
  uint32_t service_response = 0;
  uint32_t completion_status = 0;
  std::vector<uint8_t> sense;
  Initiator source = Initiator::host;
  uint64_t flush_epoch = 0;
  std::string fault;
};

class Trace {
 public:
  explicit Trace(size_t capacity = 200000) : capacity_(capacity) {}

  [[nodiscard]] uint64_t next_seq();
  void add(TraceEntry entry);
  // The sequence number the next command will get: entries since a mark have seq >= mark.
  [[nodiscard]] uint64_t mark() const;
  [[nodiscard]] nlohmann::json since(uint64_t mark, size_t limit) const;

 private:
  size_t capacity_;
  mutable std::mutex mutex_;
  uint64_t next_seq_ = 1;
  std::deque<TraceEntry> entries_;  // sorted by completion, not necessarily by seq
};

[[nodiscard]] const char* direction_name(TransferDirection direction);

}  // namespace simdext
