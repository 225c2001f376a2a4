// Probing transfer sizes on the raw node: the I/O half of the limits concept. Opens the node so that
// the host cache is bypassed (Linux O_DIRECT; macOS /dev/rdiskN with F_NOCACHE, per OS in
// platform/<os>/limits_raw_node.cpp), moves one request of exactly the asked size, and reports what the
// kernel answered: a short transfer and an errno are facts to report, not exceptions. The limits suite
// uses it to check predictions; the raw I/O suite uses it for every transfer of its sweep.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/aligned_buffer.h"
#include "core/result.h"
#include "core/unique_fd.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

enum class Access { read_only, read_write };

// Opens `node` bypassing the host cache.
[[nodiscard]] Result<UniqueFd> open_uncached(const std::string& node, Access access);

// Flushes the device's volatile cache (Linux: fsync on the block node -> SYNCHRONIZE CACHE; macOS:
// DKIOCSYNCHRONIZE), so a read-back checks the medium and not only the controller's DRAM (F1).
[[nodiscard]] Status flush_device(int fd);

struct TransferOutcome {
  std::uint64_t requested = 0;
  std::uint64_t transferred = 0;  // bytes the single syscall moved (< requested: short transfer)
  int error_number = 0;           // errno of a failed syscall, 0 otherwise

  [[nodiscard]] bool complete() const { return error_number == 0 && transferred == requested; }
  // "ok", "EIO (Input/output error, errno 5)", "short: 65536 of 131072 bytes"
  [[nodiscard]] std::string describe() const;
  // One word for a headline: "ok", "EIO", "EINVAL", "short".
  [[nodiscard]] std::string kind() const;
};

// "EIO", "EINVAL", "ENOSPC", ... or "errno N".
[[nodiscard]] std::string errno_name(int error_number);

// One pread/pwrite of `buffer` at `offset`: never retried or split, so the size the kernel sees is the
// size under test.
[[nodiscard]] TransferOutcome transfer_once(int fd, Direction direction, std::uint64_t offset,
                                            std::span<std::uint8_t> buffer);

}  // namespace dextqual::limits
