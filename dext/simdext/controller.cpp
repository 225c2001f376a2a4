#include "controller.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "big_endian.h"
#include "cdb.h"
#include "port_protocol.h"
#include "sense.h"

namespace simdext {
namespace {

Response delivery_failure(DeliveryFailure why) {
  Response r;
  r.fServiceResponse = ServiceResponse::service_delivery_or_target_failure;
  r.fCompletionStatus = static_cast<uint32_t>(why);
  return r;
}

Response with_sense(Response r, const SenseCondition& condition) {
  const auto bytes = build_fixed_sense(condition);
  std::memcpy(r.fSenseBuffer.data(), bytes.data(), bytes.size());
  r.fSenseLength = static_cast<uint8_t>(bytes.size());
  return r;
}

}  // namespace

uint64_t now_ns() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
}

// The histogram's instance: this process and the moment the controller came up.
Controller::Controller(const Profile& profile)
    : profile_(profile),
      histogram_(std::to_string(::getpid()) + "-" + std::to_string(now_ns())),
      faults_(profile.rules) {}

std::expected<std::unique_ptr<Controller>, std::string> Controller::create(const Profile& profile,
                                                                           const std::string& media_dir) {
  std::unique_ptr<Controller> controller(new Controller(profile));
  for (const TargetConfig& target : profile.targets) {
    for (LuConfig lu : target.luns) {
      // Every LU is reached through the controller's one port: its VPD 83h says which protocol.
      lu.port_protocol_identifier =
          protocol_identifier_for(profile.controller.protocol.physical_interconnect);
      const std::string path =
          media_dir + "/media-t" + std::to_string(target.id) + "-l" + std::to_string(lu.id) + ".img";
      auto created = LogicalUnit::create(lu, target.id, path);
      if (!created) {
        return std::unexpected(created.error());
      }
      controller->lus_.emplace(std::make_pair(target.id, lu.id), std::move(*created));
    }
  }
  return controller;
}

LogicalUnit* Controller::find_lu(uint64_t target, uint64_t lun) const {
  auto it = lus_.find({target, lun});
  return it == lus_.end() ? nullptr : it->second.get();
}

void Controller::abort_all() {
  std::lock_guard lock(abort_mutex_);
  ++abort_generation_;
  abort_cv_.notify_all();
}

void Controller::reset() {
  abort_all();
  for (auto& [key, lu] : lus_) {
    lu->add_unit_attention(sense::bus_reset());
  }
  std::lock_guard lock(stall_mutex_);
  stalled_targets_.clear();
}

void Controller::set_online(bool online) {
  std::lock_guard lock(abort_mutex_);
  offline_ = !online;
  ++abort_generation_;
  abort_cv_.notify_all();
}

bool Controller::wait_aborted(uint64_t timeout_ms) {
  std::unique_lock lock(abort_mutex_);
  if (offline_) {
    return true;  // detached or stopping: nothing may start waiting now
  }
  const uint64_t generation = abort_generation_;
  auto aborted = [&] { return abort_generation_ != generation || offline_; };
  if (timeout_ms == 0) {
    abort_cv_.wait(lock, aborted);
    return true;
  }
  return abort_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), aborted);
}

Response Controller::answer_absent_lun(const Task& task) {
  const uint8_t op = task.fCommandDescriptorBlock[0];
  Response r;
  if (op == opcode::inquiry) {
    // SPC-4 6.4.2: PERIPHERAL QUALIFIER 011b, DEVICE TYPE 1Fh for a LUN that is not there.
    std::vector<uint8_t> data(36, 0);
    data[0] = 0x7F;
    data[2] = 0x06;
    data[3] = 0x12;
    data[4] = 31;
    const uint64_t allocation = be::get(task.fCommandDescriptorBlock.data() + 3, 2);
    const size_t n = std::min<uint64_t>({data.size(), allocation, task.buffer.size()});
    std::copy_n(data.data(), n, task.buffer.data());  // n may be 0 with no buffer at all
    r.fBytesTransferred = r.dma_bytes = n;
    return r;
  }
  if (op == opcode::request_sense) {
    const auto data = build_fixed_sense(sense::lun_not_supported());
    const size_t n = std::min<uint64_t>({data.size(), task.fCommandDescriptorBlock[4], task.buffer.size()});
    std::copy_n(data.data(), n, task.buffer.data());
    r.fBytesTransferred = r.dma_bytes = n;
    return r;
  }
  r.fCompletionStatus = static_cast<uint32_t>(TaskStatus::check_condition);
  return with_sense(r, sense::lun_not_supported());
}

Response Controller::report_luns(const Task& task) {
  const uint8_t* cdb = task.fCommandDescriptorBlock.data();
  const uint8_t select = cdb[2];
  const uint64_t allocation = be::get(cdb + 6, 4);
  Response r;
  if ((select > 0x02 && select < 0x10) || select > 0x12 || allocation < 4) {  // SPC-4 6.33
    r.fCompletionStatus = static_cast<uint32_t>(TaskStatus::check_condition);
    return with_sense(r, sense::invalid_field_in_cdb(allocation < 4 ? 6 : 2));
  }
  std::vector<uint8_t> data(8, 0);
  for (const auto& [key, lu] : lus_) {
    if (key.first != task.fTargetID) {
      continue;
    }
    const auto lun = encode_lun(key.second);
    data.insert(data.end(), lun.begin(), lun.end());
  }
  be::put(&data[0], 4, data.size() - 8);  // LUN LIST LENGTH: the full list even when truncated
  const size_t n = std::min<uint64_t>({data.size(), allocation, task.buffer.size()});
  std::copy_n(data.data(), n, task.buffer.data());
  r.fBytesTransferred = r.dma_bytes = n;
  return r;
}

Response Controller::finish(const Task& task, uint64_t seq, uint64_t start_ns, Response r,
                            const std::string& fault, uint64_t lun) {
  r.fTargetID = task.fTargetID;
  r.fControllerTaskIdentifier = task.fControllerTaskIdentifier;
  TraceEntry e;
  e.seq = seq;
  e.t_ns = start_ns;
  e.duration_ns = now_ns() - start_ns;
  e.target = task.fTargetID;
  e.lun = lun;
  e.cdb.assign(task.fCommandDescriptorBlock.begin(),
               task.fCommandDescriptorBlock.begin() + task.fCommandSize);
  e.direction = task.fTransferDirection;
  e.requested = task.fRequestedTransferCount;
  e.bytes_transferred = r.fBytesTransferred;
  e.service_response = static_cast<uint32_t>(r.fServiceResponse);
  e.completion_status = r.fCompletionStatus;
  e.sense.assign(r.fSenseBuffer.begin(), r.fSenseBuffer.begin() + r.fSenseLength);
  e.source = task.initiator;
  if (LogicalUnit* lu = find_lu(task.fTargetID, lun)) {
    e.flush_epoch = lu->flush_epoch();
  }
  e.fault = fault;
  histogram_.add(e.cdb, e.requested, r.good());
  trace_.add(std::move(e));
  return r;
}

namespace {

// Flips `bits` bits of `data` chosen by a generator seeded with the application's draw, so the
// same profile and seed flip the same bits.
void flip_bits(std::span<uint8_t> data, uint64_t bits, uint64_t draw) {
  if (data.empty()) {
    return;
  }
  uint64_t x = draw;
  for (uint64_t i = 0; i < bits; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const uint64_t bit = (x >> 17) % (data.size() * 8);
    data[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
  }
}

}  // namespace

Controller::FaultPlan Controller::plan(const std::vector<Application>& applications) {
  FaultPlan p;
  for (const Application& a : applications) {
    const FaultRule& rule = *a.rule;
    p.names += (p.names.empty() ? "" : ",") + rule.name;
    switch (rule.action) {
      case FaultAction::ignore:
      case FaultAction::check_condition:
      case FaultAction::transport_error:
        if (p.answer == nullptr) {
          p.answer = &rule;  // the first answering rule wins
        }
        break;
      case FaultAction::delay:
        p.delay_ms += rule.delay_ms;
        break;
      case FaultAction::hang:
        p.hang = true;
        break;
      case FaultAction::stall_after_ua:
        p.stall = true;
        break;
      case FaultAction::pin:
        p.quirks.pin = true;
        break;
      case FaultAction::tear:
        p.quirks.tear_sectors = rule.sectors;
        break;
      case FaultAction::stale:
        p.quirks.stale = true;
        break;
      case FaultAction::misdirect:
        p.quirks.misdirect = rule.delta;
        break;
      case FaultAction::truncate_lba:
        if (rule.bits < p.quirks.lba_bits) {
          p.quirks.lba_bits = static_cast<uint32_t>(rule.bits);
          p.truncate = &rule;
        }
        break;
      case FaultAction::destage_read_hits:
        p.quirks.destage_read_hits = true;
        break;
      case FaultAction::drop_cache:
        p.quirks.drop_cache = true;
        break;
      case FaultAction::skip_flush:
        p.quirks.ignore_flush = true;
        break;
      case FaultAction::data_in_zero:
        p.zero_dma = true;
        break;
      case FaultAction::data_in_lost:
        p.lose_dma = true;
        break;
      case FaultAction::flip_bits:
        p.flip = &rule;
        p.flip_draw = a.draw;
        break;
      case FaultAction::attach_delay:
        break;  // an event action
    }
  }
  return p;
}

std::optional<Response> Controller::answer(const FaultRule& rule, const Task& task) {
  Response r;
  switch (rule.action) {
    case FaultAction::ignore:
      r.fBytesTransferred = task.fRequestedTransferCount;
      return r;
    case FaultAction::check_condition:
      r.fCompletionStatus = rule.status;
      return with_sense(r, {static_cast<SenseKey>(rule.sense_key), rule.asc, rule.ascq, {}, {}});
    case FaultAction::transport_error:
      return delivery_failure(static_cast<DeliveryFailure>(rule.delivery_failure));
    default:
      return std::nullopt;
  }
}

std::optional<Response> Controller::wait_out(const FaultPlan& p, const Task& task) {
  if (p.delay_ms > 0 && wait_aborted(p.delay_ms)) {
    return delivery_failure(DeliveryFailure::delivery_failure);
  }
  bool stalled = false;
  if (p.stall) {
    std::lock_guard lock(stall_mutex_);
    stalled = stalled_targets_.count(task.fTargetID) != 0;
  }
  // A hang, or F6's stalled target: the task never completes; the initiator's timeout ends it.
  if (p.hang || stalled) {
    return delivery_failure(wait_aborted(task.fTimeoutInMilliSec) ? DeliveryFailure::delivery_failure
                                                                  : DeliveryFailure::task_timeout);
  }
  return std::nullopt;
}

// The DMA faults on a data-in that reached the host buffer, whoever answered (the LU, or the
// controller itself for REPORT LUNS and an absent LUN).
void Controller::damage_data_in(const Task& task, const FaultPlan& p, Response& r) {
  if (p.lose_dma) {
    r.dma_bytes = 0;  // F5: GOOD and N bytes, nothing reached the host
    return;
  }
  const auto delivered = task.buffer.first(std::min<uint64_t>(r.fBytesTransferred, task.buffer.size()));
  if (p.zero_dma) {
    std::fill(delivered.begin(), delivered.end(), uint8_t{0});
  }
  if (p.flip) {
    flip_bits(delivered, p.flip->bits, p.flip_draw);
  }
}

// REPORT LUNS and every command to an absent LUN are answered by the controller, not an LU. Only the
// actions fault_scope.h lets match them act here: the answers and timing (already done) and the
// data-in DMA faults.
Response Controller::answer_in_controller(const Task& task, const FaultPlan& p) {
  Task into = task;
  std::vector<uint8_t> scratch;
  if (p.lose_dma) {
    scratch.resize(task.buffer.size());  // the controller's data goes nowhere the host can see
    into.buffer = scratch;
  }
  Response r =
      task.fCommandDescriptorBlock[0] == opcode::report_luns ? report_luns(into) : answer_absent_lun(into);
  if (task.fTransferDirection == TransferDirection::target_to_host && r.good()) {
    damage_data_in(task, p, r);
  }
  return r;
}

Response Controller::execute_on_lu(LogicalUnit& lu, const Task& task, const FaultPlan& p) {
  const std::span<const uint8_t> cdb(task.fCommandDescriptorBlock.data(), task.fCommandSize);
  const bool data_in = task.fTransferDirection == TransferDirection::target_to_host;
  std::span<uint8_t> buffer = task.buffer;
  std::vector<uint8_t> scratch;
  if (p.lose_dma && data_in) {
    scratch.resize(task.buffer.size());  // the LU's data goes nowhere the host can see
    buffer = scratch;
  }
  if (p.flip && !data_in && !buffer.empty()) {
    scratch.assign(buffer.begin(), buffer.end());  // corrupt a copy: the host's data-out stays intact
    flip_bits(scratch, p.flip->bits, p.flip_draw);
    buffer = scratch;
  }
  const Completion c = lu.execute(cdb, task.fTransferDirection, buffer, task.initiator, p.quirks);
  if (c.overrun) {
    return delivery_failure(DeliveryFailure::delivery_failure);
  }
  Response r;
  r.fCompletionStatus = static_cast<uint32_t>(c.status);
  r.fBytesTransferred = c.bytes;
  r.dma_bytes = data_in ? c.bytes : 0;
  if (c.sense) {
    r = with_sense(r, *c.sense);
    if (c.sense->key == SenseKey::unit_attention && p.stall) {
      std::lock_guard lock(stall_mutex_);
      stalled_targets_.insert(task.fTargetID);
    }
  }
  if (data_in) {
    damage_data_in(task, p, r);
  }
  return r;
}

Response Controller::process(const Task& task) {
  const uint64_t start = now_ns();
  const uint64_t seq = trace_.next_seq();
  const uint64_t lun = decode_lun(task.fLogicalUnitBytes);
  const std::span<const uint8_t> cdb(task.fCommandDescriptorBlock.data(), task.fCommandSize);
  const bool target_exists =
      std::any_of(lus_.begin(), lus_.end(), [&](const auto& kv) { return kv.first.first == task.fTargetID; });
  if (!target_exists || task.fCommandSize == 0) {
    return finish(task, seq, start, delivery_failure(DeliveryFailure::device_not_present), "", lun);
  }
  LogicalUnit* lu = find_lu(task.fTargetID, lun);

  CommandFacts facts;
  facts.seq = seq;
  facts.target = task.fTargetID;
  facts.lun = lun;
  facts.opcode = cdb[0];
  facts.length = task.fRequestedTransferCount;
  facts.direction = task.fTransferDirection;
  facts.source = task.initiator;
  facts.dirty_bytes = lu ? lu->dirty_bytes() : 0;
  facts.lu_present = lu != nullptr && cdb[0] != opcode::report_luns;
  if (auto block = decode_block_command(cdb)) {
    facts.lba = block->lba;
    facts.blocks = block->blocks;
  }
  const FaultPlan p = plan(faults_.match_command(facts));
  if (p.truncate != nullptr && facts.lba) {
    // The address the LU will really act on, so the log shows the alias and not only the match.
    const uint64_t kept = *facts.lba & ((uint64_t{1} << p.quirks.lba_bits) - 1);
    faults_.note(p.truncate->name, seq,
                 "LBA " + std::to_string(*facts.lba) + " acts on LBA " + std::to_string(kept));
  }
  if (auto waited = wait_out(p, task)) {
    return finish(task, seq, start, *waited, p.names, lun);
  }
  if (p.answer != nullptr) {
    if (auto answered = answer(*p.answer, task)) {
      return finish(task, seq, start, *answered, p.names, lun);
    }
  }
  const Response r = lu == nullptr || cdb[0] == opcode::report_luns ? answer_in_controller(task, p)
                                                                    : execute_on_lu(*lu, task, p);
  return finish(task, seq, start, r, p.names, lun);
}

std::array<uint8_t, 8> encode_lun(uint64_t lun) {
  std::array<uint8_t, 8> bytes{};
  if (lun < 256) {
    bytes[1] = static_cast<uint8_t>(lun);  // peripheral device addressing, bus 0
  } else {
    bytes[0] = static_cast<uint8_t>(0x40 | ((lun >> 8) & 0x3F));  // flat space addressing
    bytes[1] = static_cast<uint8_t>(lun);
  }
  return bytes;
}

uint64_t decode_lun(const std::array<uint8_t, 8>& bytes) {
  const uint8_t method = bytes[0] >> 6;
  if (method == 0) {
    return bytes[0] == 0 ? bytes[1] : UINT64_MAX;
  }
  if (method == 1) {
    return (static_cast<uint64_t>(bytes[0] & 0x3F) << 8) | bytes[1];
  }
  return UINT64_MAX;
}

}  // namespace simdext
