// A single-file FUSE filesystem whose one file ("disk") is the simulated LU: the loop device's
// backing file. Every file is opened direct_io (no page cache in FUSE); reads, writes and fsync go
// to a DiskBackend. Each open records the backend's attach generation, so I/O through an open made
// before a detach fails with EIO even after the device is re-attached.
#pragma once

#include <atomic>
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>
#include <thread>

struct fuse_session;

namespace simdext {

class DiskBackend {
 public:
  virtual ~DiskBackend() = default;
  [[nodiscard]] virtual uint64_t size_bytes() const = 0;
  [[nodiscard]] virtual uint64_t generation() const = 0;  // 0 = detached: opens fail
  [[nodiscard]] virtual int read(uint64_t generation, uint64_t offset, std::span<uint8_t> out) = 0;
  [[nodiscard]] virtual int write(uint64_t generation, uint64_t offset, std::span<const uint8_t> data) = 0;
  [[nodiscard]] virtual int fsync(uint64_t generation) = 0;
};

// Writes 1 to /sys/fs/fuse/connections/<device>/abort (mounting fusectl if needed).
bool abort_fuse_connection(uint64_t device);

class FuseDisk {
 public:
  static constexpr uint32_t kMaxTransfer = 1u << 20;  // FUSE's max_pages_limit default: 256 pages

  [[nodiscard]] static std::expected<std::unique_ptr<FuseDisk>, std::string> mount(
      const std::string& mountpoint, DiskBackend& backend);
  FuseDisk(const FuseDisk&) = delete;
  FuseDisk& operator=(const FuseDisk&) = delete;
  ~FuseDisk();  // lazy unmount, then join the loop

  [[nodiscard]] std::string file_path() const { return mountpoint_ + "/disk"; }
  DiskBackend& backend() { return backend_; }

 private:
  FuseDisk(std::string mountpoint, DiskBackend& backend)
      : mountpoint_(std::move(mountpoint)), backend_(backend) {}

  std::string mountpoint_;
  DiskBackend& backend_;
  fuse_session* session_ = nullptr;
  std::thread loop_;
  std::atomic<bool> loop_done_{false};
  uint64_t connection_ = 0;  // st_dev of the mount: /sys/fs/fuse/connections/<dev>
};

}  // namespace simdext
