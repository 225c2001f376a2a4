// Attaches a file to a free loop device with partition scanning and direct I/O (the equivalent of
// `losetup -P --direct-io=on`), and detaches it. Detaching a device that is still open (a mounted
// partition) defers the release to its last close (the kernel's autoclear), so it never blocks.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace simdext {

struct LoopAttachment {
  std::string device;  // /dev/loopN
  bool direct_io = false;
};

[[nodiscard]] std::expected<LoopAttachment, std::string> attach_loop(const std::string& backing_file,
                                                                     uint32_t block_size);
// Makes the loop device's request queue split at `bytes` (its max_sectors_kb, at most what the
// queue's max_hw_sectors_kb allows; the setting outlives the attachment, so simdext sets it back to
// `previous` at detach). Returns the size it had before, 0 when the queue cannot be read.
uint64_t set_max_request_bytes(const std::string& device, uint64_t bytes);
// LOOP_CLR_FD; true when the device is free (or will be at its last close).
bool detach_loop(const std::string& device);
// Loop devices whose backing file lies under `prefix` (from /sys/block/loop*/loop/backing_file).
[[nodiscard]] std::vector<std::string> loops_backed_under(const std::string& prefix);

}  // namespace simdext
