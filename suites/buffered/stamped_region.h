// One stamped region written through the host cache and verified twice (F1): once bypassing the cache
// (O_DIRECT), once through it after the cache was dropped. The region is a byte range of a block node
// or a whole file; its LBAs are 512-byte sectors from the start of the descriptor, and each file gets
// its own key stream, so a block of one file found in another is not mistaken for intact.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "integrity/expected_state.h"
#include "integrity/run_identity.h"
#include "integrity/sector_stamp.h"
#include "integrity/sector_verifier.h"

namespace dextqual::buffered {

struct TwiceVerified {
  std::string write_error;  // the write or fsync failed: nothing was verified
  std::string bypass_error;
  std::string through_error;
  std::optional<integrity::VerifyReport> bypassing_cache;
  std::optional<integrity::VerifyReport> through_cache;

  [[nodiscard]] bool passed() const;
  // "verified" or what failed, in the integrity engine's words (class and extent).
  [[nodiscard]] std::string describe() const;
};

struct RegionPaths {
  std::string buffered_path;           // opened without O_DIRECT for the write and the second read-back
  std::string direct_path;             // opened with O_DIRECT for the first read-back
  std::function<Status()> drop_cache;  // pushes and drops the host cache before the second read-back
};

// Writes `range` with the next generation through the cache, fsyncs, verifies twice. `expected` is the
// region's expected state (kept by the caller across sizes, so an older size's data reads as stale).
[[nodiscard]] TwiceVerified write_fsync_verify_twice(const RegionPaths& paths,
                                                     const integrity::StampKeys& keys,
                                                     integrity::ExpectedState& expected,
                                                     integrity::LbaRange range,
                                                     std::uint32_t sectors_per_block);

}  // namespace dextqual::buffered
