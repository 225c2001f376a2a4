// One raw transfer checked end to end with the integrity engine: stamp a buffer of exactly `size`
// bytes (run-unique sector stamps), one uncached pwrite, a device flush, one uncached pread of the same
// size, and classification of every sector read back against the expected state. Each step's outcome is
// kept, so an EIO, a short transfer and a corruption (with class and extent) are reported apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/unique_fd.h"
#include "integrity/expected_state.h"
#include "integrity/sector_stamp.h"
#include "integrity/sector_verifier.h"
#include "limits/limits_probe.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {

// The state one suite test threads through its transfers: the raw node, the run's keys, what every LBA
// should now hold.
struct RawSession {
  UniqueFd fd;
  integrity::StampKeys keys;
  integrity::ExpectedState expected;
  std::uint32_t block_size = 512;
  std::uint64_t next_write_id = 1;

  // Opens the DUT's raw node read-write with a fresh run identity.
  [[nodiscard]] static Result<RawSession> open(const std::string& node, std::uint32_t block_size);
  // The same on the DUT handle's raw() node (testing/dut_handle.h).
  [[nodiscard]] static Result<RawSession> open(const Result<testing::BlockNode>& raw);
};

struct CheckedTransfer {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  limits::TransferOutcome write;
  std::optional<Error> flush_error;
  limits::TransferOutcome read;
  std::optional<integrity::VerifyReport> verify;  // only when the write and the read were complete

  [[nodiscard]] bool passed() const;
  // Which step failed, and how: "write: EIO (...)", "verify: LBA 128..255 (128 sectors): stale ...".
  [[nodiscard]] std::string failed_step() const;
  [[nodiscard]] std::string failure() const;
  // One word for a headline: "EIO", "short", or the first failing sector class ("stale", "torn").
  [[nodiscard]] std::string failure_kind() const;
};

// `buffer_misalignment`: bytes by which the user buffer is moved off its page (0: page-aligned).
[[nodiscard]] CheckedTransfer write_flush_verify(RawSession& session, std::uint64_t offset,
                                                 std::uint64_t size, std::size_t buffer_misalignment = 0);

}  // namespace dextqual::rawio
