// The running simdext: the controller model, the simulated host stack (BlockHost), the FUSE file,
// the loop device, and the lifecycle events of issue 3 (detach, attach, eject, power-cut, restart,
// reset, stop). It writes <state>/simdext.json whenever the block device changes. Thread-safe:
// FUSE threads and control-socket threads call in concurrently.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <expected>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>

#include "block_host.h"
#include "config.h"
#include "controller.h"
#include "fuse_disk.h"

namespace simdext {

// How the process ends: a clean stop flushes; a power cut does not.
enum class Ending { running, stop, power_cut };

class Simulator : public DiskBackend {
 public:
  Simulator(Profile profile, std::string state_dir);
  ~Simulator() override;

  // Opens the media, mounts the FUSE file, attaches the loop device, writes simdext.json.
  [[nodiscard]] std::expected<void, std::string> start();
  // Blocks until a stop or power cut was requested; then tears everything down.
  void wait_and_shutdown();
  void request_stop();

  // Control-socket operations; the reply JSON, and data-in in `payload`.
  [[nodiscard]] nlohmann::json scsi(const nlohmann::json& request, const std::vector<uint8_t>& data_out,
                                    std::vector<uint8_t>& data_in);
  [[nodiscard]] nlohmann::json event(const std::string& name);
  [[nodiscard]] nlohmann::json describe();
  [[nodiscard]] nlohmann::json trace_since(uint64_t mark);
  // The command histogram since this controller came up (command_histogram.h).
  [[nodiscard]] nlohmann::json histogram();
  [[nodiscard]] uint64_t mark();
  [[nodiscard]] nlohmann::json fault_log();

  // DiskBackend (the FUSE file).
  [[nodiscard]] uint64_t size_bytes() const override { return size_bytes_.load(); }
  [[nodiscard]] uint64_t generation() const override { return generation_.load(); }
  [[nodiscard]] int read(uint64_t generation, uint64_t offset, std::span<uint8_t> out) override;
  [[nodiscard]] int write(uint64_t generation, uint64_t offset, std::span<const uint8_t> data) override;
  [[nodiscard]] int fsync(uint64_t generation) override;

  [[nodiscard]] std::string mountpoint() const { return state_dir_ + "/fuse"; }

 private:
  std::expected<void, std::string> attach_locked(bool initial);
  void detach_locked();
  // Applies event rules; returns whether a flush is allowed and drops caches the rules name.
  bool apply_event_rules(const std::string& event);
  void flush_all();
  void write_description();
  nlohmann::json description_locked();

  Profile profile_;
  std::string state_dir_;
  std::shared_mutex model_mutex_;  // exclusive: restart swaps the controller
  std::unique_ptr<Controller> controller_;
  std::unique_ptr<BlockHost> host_;
  std::unique_ptr<FuseDisk> fuse_;
  std::mutex lifecycle_mutex_;        // one event at a time
  uint64_t queue_default_bytes_ = 0;  // the loop queue's max_sectors_kb before simdext set it
  std::string block_device_;
  std::atomic<uint64_t> generation_{0};
  uint64_t next_generation_ = 0;
  std::atomic<uint64_t> size_bytes_{0};
  uint32_t block_size_ = 512;
  std::mutex ending_mutex_;
  std::condition_variable ending_cv_;
  Ending ending_ = Ending::running;
};

// Writes `json` to `path` atomically (temporary file + rename).
bool write_json_atomically(const std::string& path, const nlohmann::json& json);

}  // namespace simdext
