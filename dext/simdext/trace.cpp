#include "trace.h"

#include "wire/control_wire.h"

namespace simdext {

const char* direction_name(TransferDirection direction) {
  switch (direction) {
    case TransferDirection::host_to_target:
      return "write";
    case TransferDirection::target_to_host:
      return "read";
    case TransferDirection::none:
      break;
  }
  return "none";
}

uint64_t Trace::next_seq() {
  std::lock_guard lock(mutex_);
  return next_seq_++;
}

void Trace::add(TraceEntry entry) {
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_) {
    entries_.pop_front();
  }
}

uint64_t Trace::mark() const {
  std::lock_guard lock(mutex_);
  return next_seq_;
}

nlohmann::json Trace::since(uint64_t mark, size_t limit) const {
  std::lock_guard lock(mutex_);
  nlohmann::json out = nlohmann::json::array();
  for (const TraceEntry& e : entries_) {
    if (e.seq < mark) {
      continue;
    }
    if (out.size() >= limit) {
      break;
    }
    out.push_back({{"seq", e.seq},
                   {"t_ns", e.t_ns},
                   {"duration_ns", e.duration_ns},
                   {"target", e.target},
                   {"lun", e.lun},
                   {"cdb", dextqual::wire::to_hex(e.cdb)},
                   {"direction", direction_name(e.direction)},
                   {"requested", e.requested},
                   {"bytes_transferred", e.bytes_transferred},
                   {"service_response", e.service_response},
                   {"completion_status", e.completion_status},
                   {"sense", dextqual::wire::to_hex(e.sense)},
                   {"source", e.source == Initiator::host ? "block" : "passthrough"},
                   {"flush_epoch", e.flush_epoch},
                   {"fault", e.fault}});
  }
  return out;
}

}  // namespace simdext
