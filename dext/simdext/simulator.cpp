#include "simulator.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "loop_device.h"
#include "wire/control_wire.h"

namespace simdext {

bool write_json_atomically(const std::string& path, const nlohmann::json& json) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!out) {
      return false;
    }
    out << json.dump(2) << "\n";
    out.flush();
    if (!out) {
      return false;
    }
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

Simulator::Simulator(Profile profile, std::string state_dir)
    : profile_(std::move(profile)), state_dir_(std::move(state_dir)) {
  if (const LuConfig* lu = profile_.find_lu(profile_.dut_target, profile_.dut_lun)) {
    block_size_ = lu->block_size;
  }
}

Simulator::~Simulator() = default;

std::expected<void, std::string> Simulator::start() {
  auto controller = Controller::create(profile_, state_dir_);
  if (!controller) {
    return std::unexpected(controller.error());
  }
  controller_ = std::move(*controller);
  host_ = std::make_unique<BlockHost>(*controller_, profile_.dut_target, profile_.dut_lun);
  ::mkdir(mountpoint().c_str(), 0700);
  auto fuse = FuseDisk::mount(mountpoint(), *this);
  if (!fuse) {
    return std::unexpected(fuse.error());
  }
  fuse_ = std::move(*fuse);
  std::lock_guard lock(lifecycle_mutex_);
  auto attached = attach_locked(true);
  if (!attached) {
    return attached;
  }
  return {};
}

std::expected<void, std::string> Simulator::attach_locked(bool initial) {
  for (const Application& a : controller_->faults().match_event("attach")) {
    if (a.rule->action == FaultAction::attach_delay) {
      // F10: a power-state transition that takes longer than the kernel's budget.
      std::this_thread::sleep_for(std::chrono::milliseconds(a.rule->delay_ms));
    }
  }
  if (!initial) {
    controller_->for_each_lu(
        [](uint64_t, uint64_t, LogicalUnit& lu) { lu.add_unit_attention(sense::power_on_reset()); });
  }
  {
    std::unique_lock model(model_mutex_);
    generation_ = ++next_generation_;
    controller_->set_online(true);
  }
  ProbeResult probe;
  {
    std::shared_lock model(model_mutex_);
    probe = host_->probe();
  }
  if (!probe.error.empty()) {
    generation_ = 0;
    return std::unexpected("probe of target " + std::to_string(profile_.dut_target) + " LUN " +
                           std::to_string(profile_.dut_lun) + ": " + probe.error);
  }
  size_bytes_ = probe.capacity_blocks * probe.block_size;
  auto loop = attach_loop(fuse_->file_path(), block_size_);
  if (!loop) {
    generation_ = 0;
    return std::unexpected(loop.error());
  }
  block_device_ = loop->device;
  // The host's queue splits a request where IOBreaker would (the smaller published piece of the
  // two directions), not at the loop driver's 1280 KiB default: a 4 MiB request reaches the model
  // as 1 MiB pieces, not 1 MiB + 256 KiB. (The loop queue's 128-segment limit still caps a request
  // from scattered 4 KiB pages at 512 KiB: dext/README.md "Request sizes".)
  const ControllerConfig& c = profile_.controller;
  queue_default_bytes_ = set_max_request_bytes(
      block_device_,
      std::min(BlockHost::break_size(c, false, block_size_), BlockHost::break_size(c, true, block_size_)));
  write_description();
  return {};
}

void Simulator::detach_locked() {
  generation_ = 0;                 // new and queued I/O fails with EIO at once
  controller_->set_online(false);  // hung and delayed tasks complete now, and none can start
  if (!block_device_.empty()) {
    if (queue_default_bytes_ != 0) {
      (void)set_max_request_bytes(block_device_, queue_default_bytes_);  // the next user's default
    }
    detach_loop(block_device_);
    block_device_.clear();
  }
  write_description();
}

bool Simulator::apply_event_rules(const std::string& event) {
  bool flush = true;
  for (const Application& a : controller_->faults().match_event(event)) {
    const FaultRule& rule = *a.rule;
    if (rule.action == FaultAction::skip_flush) {
      flush = false;
    }
    if (rule.action == FaultAction::drop_cache) {
      flush = false;
      controller_->for_each_lu([&](uint64_t target, uint64_t lun, LogicalUnit& lu) {
        if ((!rule.match.target || *rule.match.target == target) &&
            (!rule.match.lun || *rule.match.lun == lun)) {
          lu.drop_cache();
        }
      });
    }
  }
  return flush;
}

void Simulator::flush_all() {
  controller_->for_each_lu([](uint64_t, uint64_t, LogicalUnit& lu) { lu.flush(); });
}

nlohmann::json Simulator::event(const std::string& name) {
  std::lock_guard lock(lifecycle_mutex_);
  const bool attached = generation_ != 0;
  if (name == "detach") {
    apply_event_rules("detach");
    if (attached) {
      detach_locked();
    }
  } else if (name == "attach") {
    if (!attached) {
      auto done = attach_locked(false);
      if (!done) {
        return {{"ok", false}, {"error", done.error()}};
      }
    }
  } else if (name == "eject") {
    // Clean removal: the host flushes, then the device goes away.
    if (apply_event_rules("eject")) {
      flush_all();
    }
    if (attached) {
      detach_locked();
    }
  } else if (name == "power-cut") {
    apply_event_rules("power-cut");
    controller_->for_each_lu([](uint64_t, uint64_t, LogicalUnit& lu) { lu.power_cut(); });
    detach_locked();
    std::lock_guard end(ending_mutex_);
    ending_ = Ending::power_cut;
    ending_cv_.notify_all();
  } else if (name == "restart") {
    // A reboot: the OS flushes and stops the unit, the controller comes back from its media.
    if (apply_event_rules("restart")) {
      flush_all();
    }
    if (attached) {
      detach_locked();
    }
    controller_->for_each_lu([](uint64_t, uint64_t, LogicalUnit& lu) { lu.power_cut(); });
    {
      std::unique_lock model(model_mutex_);
      host_.reset();
      controller_.reset();
      auto controller = Controller::create(profile_, state_dir_);
      if (!controller) {
        return {{"ok", false}, {"error", controller.error()}};
      }
      controller_ = std::move(*controller);
      host_ = std::make_unique<BlockHost>(*controller_, profile_.dut_target, profile_.dut_lun);
    }
    auto done = attach_locked(true);
    if (!done) {
      return {{"ok", false}, {"error", done.error()}};
    }
  } else if (name == "reset") {
    apply_event_rules("reset");
    controller_->reset();
  } else if (name == "stop") {
    request_stop();
  } else {
    return {{"ok", false}, {"error", "unknown event '" + name + "'"}};
  }
  return {{"ok", true}, {"block_device", block_device_}};
}

void Simulator::request_stop() {
  std::lock_guard end(ending_mutex_);
  if (ending_ == Ending::running) {
    ending_ = Ending::stop;
  }
  ending_cv_.notify_all();
}

void Simulator::wait_and_shutdown() {
  Ending ending;
  {
    std::unique_lock end(ending_mutex_);
    ending_cv_.wait(end, [this] { return ending_ != Ending::running; });
    ending = ending_;
  }
  {
    std::lock_guard lock(lifecycle_mutex_);
    if (ending == Ending::stop) {
      if (apply_event_rules("stop")) {
        flush_all();
      }
    }
    if (generation_ != 0 || !block_device_.empty()) {
      detach_locked();
    }
    for (const std::string& device : loops_backed_under(mountpoint())) {
      detach_loop(device);  // any earlier attachment still waiting for its last close
    }
  }
  fuse_.reset();  // aborts the FUSE connection and unmounts
  nlohmann::json final_description = describe();
  final_description["pid"] = 0;
  final_description["attached"] = false;
  final_description["block_device"] = "";
  final_description["running"] = false;
  final_description["ended_by"] = ending == Ending::stop ? "stop" : "power-cut";
  write_json_atomically(state_dir_ + "/simdext.json", final_description);
}

int Simulator::read(uint64_t generation, uint64_t offset, std::span<uint8_t> out) {
  if (generation != generation_.load()) {
    return EIO;
  }
  std::shared_lock model(model_mutex_);
  if (generation != generation_.load() || !host_) {
    return EIO;
  }
  return host_->read(offset, out);
}

int Simulator::write(uint64_t generation, uint64_t offset, std::span<const uint8_t> data) {
  if (generation != generation_.load()) {
    return EIO;
  }
  std::shared_lock model(model_mutex_);
  if (generation != generation_.load() || !host_) {
    return EIO;
  }
  return host_->write(offset, data);
}

int Simulator::fsync(uint64_t generation) {
  if (generation != generation_.load()) {
    return EIO;
  }
  std::shared_lock model(model_mutex_);
  if (generation != generation_.load() || !host_) {
    return EIO;
  }
  return host_->flush();
}

nlohmann::json Simulator::scsi(const nlohmann::json& request, const std::vector<uint8_t>& data_out,
                               std::vector<uint8_t>& data_in) {
  Task task;
  std::vector<uint8_t> cdb;
  if (!dextqual::wire::from_hex(request.value("cdb", std::string()), cdb) || cdb.empty() || cdb.size() > 16) {
    return {{"ok", false}, {"error", "cdb: 1 to 16 bytes of hex"}};
  }
  const std::string direction = request.value("direction", std::string("none"));
  if (direction == "read") {
    task.fTransferDirection = TransferDirection::target_to_host;
  } else if (direction == "write") {
    task.fTransferDirection = TransferDirection::host_to_target;
  } else if (direction != "none") {
    return {{"ok", false}, {"error", "direction: none, read or write"}};
  }
  const uint64_t length = request.value("transfer_length", uint64_t{0});
  if (length > dextqual::wire::kMaxPayloadBytes) {
    return {{"ok", false}, {"error", "transfer_length above the wire's payload limit"}};
  }
  task.fTargetID = request.value("target", uint64_t{0});
  task.fLogicalUnitBytes = encode_lun(request.value("lun", uint64_t{0}));
  std::copy(cdb.begin(), cdb.end(), task.fCommandDescriptorBlock.begin());
  task.fCommandSize = static_cast<uint8_t>(cdb.size());
  task.fRequestedTransferCount = length;
  const uint64_t timeout = request.value("timeout_ms", uint64_t{0});
  task.fTimeoutInMilliSec = static_cast<uint32_t>(timeout == 0 ? 30000 : timeout);
  task.initiator = Initiator::passthrough;
  std::vector<uint8_t> buffer(length, 0);
  if (task.fTransferDirection == TransferDirection::host_to_target) {
    std::copy_n(data_out.begin(), std::min<size_t>(data_out.size(), buffer.size()), buffer.begin());
  }
  task.buffer = buffer;
  Response r;
  const uint64_t start = now_ns();
  if (generation_ == 0) {
    // Detached: the controller is gone from the bus.
    r.fServiceResponse = ServiceResponse::service_delivery_or_target_failure;
    r.fCompletionStatus = static_cast<uint32_t>(DeliveryFailure::device_not_present);
  } else {
    std::shared_lock model(model_mutex_);
    r = controller_->process(task);
  }
  data_in.assign(buffer.begin(),
                 buffer.begin() + static_cast<ptrdiff_t>(std::min<uint64_t>(r.dma_bytes, length)));
  return {{"ok", true},
          {"service_response", static_cast<uint32_t>(r.fServiceResponse)},
          {"completion_status", r.fCompletionStatus},
          {"bytes_transferred", r.fBytesTransferred},
          {"sense", dextqual::wire::to_hex(r.fSenseBuffer.data(), r.fSenseLength)},
          {"duration_ns", now_ns() - start}};
}

nlohmann::json Simulator::trace_since(uint64_t mark) {
  // A reply stays far below the wire's 16 MiB JSON limit; a reader that gets "more": true asks
  // again from the returned mark.
  constexpr size_t kMaxEntries = 20000;
  std::shared_lock model(model_mutex_);
  const uint64_t next = controller_->trace().mark();
  nlohmann::json entries = controller_->trace().since(mark, kMaxEntries);
  const bool more = entries.size() == kMaxEntries;
  uint64_t reply_mark = next;
  if (more) {
    reply_mark = mark;
    for (const auto& e : entries) {
      reply_mark = std::max<uint64_t>(reply_mark, e["seq"].get<uint64_t>() + 1);
    }
  }
  return {{"ok", true}, {"mark", reply_mark}, {"more", more}, {"entries", std::move(entries)}};
}

nlohmann::json Simulator::histogram() {
  std::shared_lock model(model_mutex_);
  auto reply = controller_->histogram().to_json();
  reply["ok"] = true;
  return reply;
}

uint64_t Simulator::mark() {
  std::shared_lock model(model_mutex_);
  return controller_->trace().mark();
}

nlohmann::json Simulator::fault_log() {
  std::shared_lock model(model_mutex_);
  return {{"ok", true}, {"faults", controller_->faults().log()}};
}

nlohmann::json Simulator::describe() {
  std::shared_lock model(model_mutex_);
  return description_locked();
}

void Simulator::write_description() {
  nlohmann::json d;
  {
    std::shared_lock model(model_mutex_);
    d = description_locked();
  }
  write_json_atomically(state_dir_ + "/simdext.json", d);
}

nlohmann::json Simulator::description_locked() {
  const LuConfig* dut = profile_.find_lu(profile_.dut_target, profile_.dut_lun);
  const ControllerConfig& c = profile_.controller;
  nlohmann::json constraints = nlohmann::json::object();
  auto put = [&](const char* key, const std::optional<uint64_t>& value) {
    if (value) {
      constraints[key] = *value;
    }
  };
  const Constraints& k = c.constraints;
  // The DMA specification (UserGetDMASpecification) and the task count travel with the constraints.
  constraints["max_transfer_size"] = c.max_transfer_size;
  constraints["dma_alignment"] = c.dma_alignment;
  constraints["num_address_bits"] = c.dma_address_bits;
  constraints["segment_bits"] = c.dma_segment_bits;
  constraints["maximum_task_count"] = c.maximum_task_count;
  put("max_segment_count_read", k.max_segment_count_read);
  put("max_segment_count_write", k.max_segment_count_write);
  put("max_segment_byte_count_read", k.max_segment_byte_count_read);
  put("max_segment_byte_count_write", k.max_segment_byte_count_write);
  put("max_byte_count_read", k.max_byte_count_read);
  put("max_byte_count_write", k.max_byte_count_write);
  put("max_block_count_read", k.max_block_count_read);
  put("max_block_count_write", k.max_block_count_write);
  put("min_segment_alignment", k.min_segment_alignment);
  put("segment_addressable_bits", k.segment_addressable_bits);
  put("hba_data_alignment_mask", k.hba_data_alignment_mask);
  nlohmann::json targets = nlohmann::json::array();
  for (const TargetConfig& t : profile_.targets) {
    nlohmann::json luns = nlohmann::json::array();
    for (const LuConfig& lu : t.luns) {
      luns.push_back(lu.id);
    }
    targets.push_back({{"id", t.id}, {"luns", luns}});
  }
  bool volatile_cache = dut->cache == CacheMode::volatile_cache && dut->write_cache_enabled;
  if (controller_) {
    if (LogicalUnit* lu = controller_->find_lu(profile_.dut_target, profile_.dut_lun)) {
      volatile_cache = lu->volatile_cache();
    }
  }
  return {{"ok", true},
          {"schema", "simdext/1"},
          {"pid", ::getpid()},
          {"running", true},
          {"block_device", block_device_},
          {"control_socket", state_dir_ + "/control.sock"},
          {"profile", profile_.path},
          {"profile_name", profile_.name},
          // The product this DUT is meant to be ([dut] product): the runner's expectations for --sim.
          {"product", profile_.dut_product},
          {"attached", generation_ != 0},
          {"logical_block_size", dut->block_size},
          {"capacity_blocks", dut->capacity_blocks},
          {"identity",
           {{"vendor", dut->identity.vendor},
            {"product", dut->identity.product},
            {"revision", dut->identity.revision},
            {"serial", dut->identity.serial},
            {"wwn", dut->identity.wwn}}},
          {"protocol_characteristics",
           {{"physical_interconnect", c.protocol.physical_interconnect},
            {"physical_interconnect_location", c.protocol.physical_interconnect_location},
            {"scsi_domain_identifier", c.protocol.scsi_domain_identifier}}},
          {"dut", {{"target", profile_.dut_target}, {"lun", profile_.dut_lun}}},
          {"targets", targets},
          {"constraints", constraints},
          {"volatile_cache", volatile_cache}};
}

}  // namespace simdext
