// The few raw-node operations the lifecycle suites need beyond read, write and flush (which come from
// limits_probe.h's open_uncached/flush_device): a write with Force Unit Access, a discard, the device's
// size. Per OS in <os>/lifecycle_<os>_raw_io.cpp. macOS has no per-write FUA from user space, so there a
// FUA write is a write followed by DKIOCSYNCHRONIZE — stronger, and equally binding for the durability
// rule (the write is must-survive either way).
#pragma once

#include <cstdint>
#include <span>

#include "core/result.h"

namespace dextqual::platform {

// One write with FUA (Linux: pwritev2 RWF_DSYNC on an O_DIRECT node, which the block layer sends as a
// FUA write, or a write plus flush when the device has no FUA). Short writes are completed.
[[nodiscard]] Status write_fua(int fd, std::uint64_t offset, std::span<const std::uint8_t> data);

// Discards (unmaps) a byte range: BLKDISCARD / DKIOCUNMAP. Devices without discard answer with an Error.
[[nodiscard]] Status discard_range(int fd, std::uint64_t offset, std::uint64_t length);

// The device's size in bytes: BLKGETSIZE64 / DKIOCGETBLOCKCOUNT × DKIOCGETBLOCKSIZE.
[[nodiscard]] Result<std::uint64_t> device_size_bytes(int fd);

}  // namespace dextqual::platform
