// `--shard i/n` (issue 14 §3): one plan split over n identical stations, deterministically. The unit of
// the split is a GoogleTest test suite of one suite binary ("persistence:Reboot"), never a single
// test: the tests of one fixture may share state (SetUpTestSuite, the reboot contract's
// Reboot.Phase1WriteAndFlush then Reboot.Phase2VerifyAfterRestart) and must run in one place, in order.
// A unit goes to shard 1 + FNV-1a-64("<suite>:<fixture>") mod n: it depends on nothing but its own
// name, so stations whose plans differ a little (a suite not built, a filter) still never run a test
// twice nor lose one that both plans have.
#pragma once

#include <string>
#include <string_view>

#include "runner/exit_status.h"

namespace dextqual::runner {

struct Shard {
  int index = 0;  // 1-based; 0 with count 0: no sharding
  int count = 0;
  [[nodiscard]] bool enabled() const { return count > 0; }
};

// "2/4" -> {2, 4}; a usage error unless 1 <= i <= n.
[[nodiscard]] CommandResult<Shard> parse_shard(std::string_view text);

// "persistence:Reboot" for persistence's "Reboot.Phase1WriteAndFlush"; "scsi:Prefix/Read" for a
// parameterized "Prefix/Read.Works/3".
[[nodiscard]] std::string shard_unit(std::string_view suite, std::string_view test);

// 1..count.
[[nodiscard]] int shard_of(std::string_view suite, std::string_view test, int count);

// True when sharding is off or the test is in `shard`.
[[nodiscard]] bool in_shard(const Shard& shard, std::string_view suite, std::string_view test);

}  // namespace dextqual::runner
